namespace PropertyCrm.Domain.ServiceRequests.FollowUps;

/// <summary>Stable <see cref="DomainException.Code"/> values for the 回访 and 挽回 rules; branch on these, never on messages.</summary>
public static class FollowUpErrorCodes
{
    public const string VerificationRequired = "followup.complete.verification-required";
    public const string ResolverMayNotRecord = "followup.record.resolver";
    public const string NotPending = "followup.not-pending";
    public const string AnswerOutOfRange = "followup.answer.out-of-range";
    public const string UnreachableTooEarly = "followup.unreachable.too-early";
    public const string AttemptsChanged = "followup.attempts.changed";
    public const string Reopened = "followup.reopened";
    public const string NothingToRecord = "followup.record.nothing";
    public const string CloseWithoutFollowUp = "request.close.follow-up-not-verified";
    public const string OutcomeRequired = "recovery.close.outcome-required";
    public const string RecoveryEscalationSystemColumn = "recovery.escalation.system-column";
    public const string AlreadyResolved = "followup.create.resolution-taken";
}
