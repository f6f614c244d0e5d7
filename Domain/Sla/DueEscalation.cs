using System;

namespace PropertyCrm.Domain.Sla;

/// <summary>An escalation to raise now: the rung, who hears about it, and the instant it became due.</summary>
public sealed class DueEscalation
{
    public DueEscalation(SlaKpi kpi, EscalationLevel level, DateTimeOffset dueSince)
    {
        Kpi = kpi;
        Level = level;
        DueSince = dueSince;
    }

    public SlaKpi Kpi { get; }

    public EscalationLevel Level { get; }

    public EscalationRecipient Recipient => EscalationLadder.RecipientOf(Level);

    /// <summary>When the rung was reached (the warning instant, the deadline, or the ladder offset after it).</summary>
    public DateTimeOffset DueSince { get; }

    public override string ToString() => $"{Kpi} {Level} → {Recipient} (since {DueSince:o})";
}
