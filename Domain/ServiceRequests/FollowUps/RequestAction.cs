namespace PropertyCrm.Domain.ServiceRequests.FollowUps;

/// <summary>What a finished 回访 does to its request.</summary>
public enum RequestAction
{
    /// <summary>Verified fixed, or the owner declared unreachable: the request closes (已关闭).</summary>
    Close = 0,

    /// <summary>Not fixed or partly fixed: the request goes back to 处理中 (返工).</summary>
    Reopen = 1,
}
