namespace PropertyCrm.Domain.ServiceRequests.Dispatch;

/// <summary>Stable <see cref="DomainException.Code"/> values for dispatch rules; branch on these, never on messages.</summary>
public static class DispatchErrorCodes
{
    public const string TargetBothOrNeither = "dispatch.rule.target-both-or-neither";
    public const string DuplicateRule = "dispatch.rule.duplicate";
}
