namespace PropertyCrm.Domain.ServiceRequests.FollowUps;

/// <summary>Where a 回访 stands. Dataverse stores it as the status reason, mapped one to one by the plug-in layer.</summary>
public enum FollowUpStatus
{
    /// <summary>待回访: created when the request was resolved, not yet answered.</summary>
    Pending = 0,

    /// <summary>已完成: the owner answered (verification at least). Final.</summary>
    Completed = 1,

    /// <summary>无法联系: declared after 3 failed attempts spanning at least 48 hours. Final.</summary>
    Unreachable = 2,
}
