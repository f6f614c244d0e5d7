using System;

namespace PropertyCrm.Domain.ServiceRequests.FollowUps;

/// <summary>
/// The 回访 loop's numbers. Each default names its source in the README (issue 11, "The closed service loop"):
/// "due within 24 hours of resolution", "Unreachable after 3 attempts over 48 hours", a recovery case with "its own
/// deadline (24 hours)". The 回访 due time may be set per property (<c>pcrm_followupduehours</c>); the others are fixed.
/// </summary>
public static class FollowUpPolicy
{
    /// <summary>A 回访 is due this long after the resolution unless the property says otherwise.</summary>
    public static readonly TimeSpan DefaultDueAfter = TimeSpan.FromHours(24);

    /// <summary>The most a property may set: one week. Longer is not a follow-up of this resolution any more.</summary>
    public const int MaxDueHours = 168;

    /// <summary>Failed attempts needed before the owner may be declared unreachable.</summary>
    public const int UnreachableAttempts = 3;

    /// <summary>The first and the last failed attempt must be at least this far apart.</summary>
    public static readonly TimeSpan UnreachableSpan = TimeSpan.FromHours(48);

    /// <summary>A recovery case is due this long (24x7, calendar time) after it opens.</summary>
    public static readonly TimeSpan RecoveryDueAfter = TimeSpan.FromHours(24);

    /// <summary>NPS at or below this is a detractor (0–6, the NPS definition).</summary>
    public const int DetractorNpsAtMost = 6;

    /// <summary>Satisfaction at or below this (1 非常不满意, 2 不满意) is a detractor.</summary>
    public const int LowSatisfactionAtMost = 2;

    /// <summary>When the 回访 of a resolution at <paramref name="resolvedOn"/> is due: the property's hours, else 24.</summary>
    /// <exception cref="DomainException"><see cref="FollowUpErrorCodes.AnswerOutOfRange"/> for hours outside 1–168.</exception>
    public static DateTimeOffset DueOn(DateTimeOffset resolvedOn, int? propertyDueHours)
    {
        if (propertyDueHours is null)
        {
            return resolvedOn + DefaultDueAfter;
        }

        if (propertyDueHours < 1 || propertyDueHours > MaxDueHours)
        {
            throw new DomainException(
                FollowUpErrorCodes.AnswerOutOfRange,
                $"项目的回访时限须在 1–{MaxDueHours} 小时之间(当前 {propertyDueHours}) / The property's follow-up due hours must be 1–{MaxDueHours} (is {propertyDueHours}).");
        }

        return resolvedOn + TimeSpan.FromHours(propertyDueHours.Value);
    }

    /// <summary>
    /// A rework task (返工任务) whose request has no resolution deadline ahead of it (breached already, or no resolution clock)
    /// is due this long after the reopen: a task born overdue is noise, and the breach is already on the escalation ladder.
    /// </summary>
    public static readonly TimeSpan ReworkTaskDefaultDueAfter = TimeSpan.FromHours(24);

    /// <summary>
    /// When the technician's rework task is due: the request's resolution deadline (the reopened clock runs on from its
    /// original start, so that is the promise still to keep) while it lies ahead, else <see cref="ReworkTaskDefaultDueAfter"/>
    /// after the reopen.
    /// </summary>
    public static DateTimeOffset ReworkTaskDueOn(DateTimeOffset? resolutionDue, DateTimeOffset reopenedOn) =>
        resolutionDue is { } due && due > reopenedOn ? due : reopenedOn + ReworkTaskDefaultDueAfter;

    /// <summary>When a recovery case opened at <paramref name="openedOn"/> is due.</summary>
    public static DateTimeOffset RecoveryDueOn(DateTimeOffset openedOn) => openedOn + RecoveryDueAfter;
}
