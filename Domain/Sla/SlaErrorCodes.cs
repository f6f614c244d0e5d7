namespace PropertyCrm.Domain.Sla;

/// <summary>Stable <see cref="DomainException.Code"/> values for SLA errors; branch on these, never on messages.</summary>
public static class SlaErrorCodes
{
    public const string InvalidTarget = "sla.target.invalid";
    public const string InvalidLadder = "sla.ladder.invalid";
    public const string InvalidPolicy = "sla.policy.invalid";
    public const string DuplicatePolicy = "sla.policy.duplicate";
    public const string NoPolicy = "sla.policy.none";
    public const string CalendarMismatch = "sla.clock.calendar-mismatch";
    public const string TimeBeforeLastChange = "sla.clock.time-before-last-change";
    public const string AlreadyPaused = "sla.clock.already-paused";
    public const string NotPaused = "sla.clock.not-paused";
    public const string AlreadyCompleted = "sla.clock.already-completed";
    public const string InvalidClock = "sla.clock.invalid";
}
