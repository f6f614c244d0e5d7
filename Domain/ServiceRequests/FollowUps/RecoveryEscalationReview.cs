using System;
using System.Collections.Generic;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Domain.ServiceRequests.FollowUps;

/// <summary>The sweep's decision for one recovery case: rungs to raise now, the highest rung recorded (new ones included), the next instant.</summary>
public sealed class RecoveryEscalationReview
{
    public RecoveryEscalationReview(IReadOnlyList<RecoveryRung> due, EscalationLevel? highestLevel, DateTimeOffset? nextEscalationOn)
    {
        Due = due;
        HighestLevel = highestLevel;
        NextEscalationOn = nextEscalationOn;
    }

    /// <summary>Rungs to raise now, lowest first.</summary>
    public IReadOnlyList<RecoveryRung> Due { get; }

    public EscalationLevel? HighestLevel { get; }

    /// <summary>When the next rung not recorded is due; null when none is left.</summary>
    public DateTimeOffset? NextEscalationOn { get; }
}

/// <summary>One rung of a recovery case to raise: the level (and so its recipient) and when it became due.</summary>
public sealed class RecoveryRung
{
    public RecoveryRung(EscalationLevel level, DateTimeOffset dueSince)
    {
        Level = level;
        DueSince = dueSince;
    }

    public EscalationLevel Level { get; }

    public EscalationRecipient Recipient => EscalationLadder.RecipientOf(Level);

    public DateTimeOffset DueSince { get; }

    public override string ToString() => $"{Level} → {Recipient} (since {DueSince:o})";
}
