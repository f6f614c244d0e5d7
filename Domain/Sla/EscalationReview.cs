using System;
using System.Collections.Generic;
using System.Linq;

namespace PropertyCrm.Domain.Sla;

/// <summary>
/// What the escalation sweep decides for one request at <c>now</c>: each KPI clock observed (warning reached,
/// breach), the rungs to raise, the highest rung raised so far, and the next instant to look again
/// (<see cref="NextEscalation"/>). Pure: the caller passes the clocks, the rungs already recorded and <c>now</c>.
/// </summary>
/// <remarks>
/// Running the review again with its own <see cref="Due"/> added to the recorded rungs yields no new rung: that and the
/// row lock the sweep takes first are what make the sweep idempotent.
/// </remarks>
public sealed class EscalationReview
{
    private EscalationReview(IReadOnlyList<SlaClock> observed, IReadOnlyList<DueEscalation> due, EscalationLevel? highestLevel, DateTimeOffset? nextEscalationOn)
    {
        Observed = observed;
        Due = due;
        HighestLevel = highestLevel;
        NextEscalationOn = nextEscalationOn;
    }

    /// <summary>The clocks after <see cref="SlaClock.Observe"/>, in the order given.</summary>
    public IReadOnlyList<SlaClock> Observed { get; }

    /// <summary>Rungs to raise now, by KPI then level, lowest first.</summary>
    public IReadOnlyList<DueEscalation> Due { get; }

    /// <summary>The highest rung recorded for any KPI, the new ones included; null when none.</summary>
    public EscalationLevel? HighestLevel { get; }

    /// <summary>When a rung not recorded (nor raised now) is next due; null when none can come.</summary>
    public DateTimeOffset? NextEscalationOn { get; }

    public static EscalationReview Of(IEnumerable<SlaClock> clocks, IEnumerable<EscalationRung> alreadyRecorded, DateTimeOffset now)
    {
        Guard.NotNull(clocks, nameof(clocks));
        Guard.NotNull(alreadyRecorded, nameof(alreadyRecorded));

        var recorded = alreadyRecorded.ToArray();
        var observed = new List<SlaClock>();
        var due = new List<DueEscalation>();
        var next = new List<DateTimeOffset?>();
        foreach (var clock in clocks)
        {
            var current = clock.IsCompleted || clock.IsPaused || now < clock.StartedAt ? clock : clock.Observe(now);
            observed.Add(current);
            var levels = recorded.Where(r => r.Kpi == current.Kpi).Select(r => r.Level).ToList();
            var raised = EscalationPlanner.Due(current, levels, now);
            due.AddRange(raised);
            levels.AddRange(raised.Select(r => r.Level));
            next.Add(NextEscalation.Of(current, levels));
        }

        var all = recorded.Select(r => r.Level).Concat(due.Select(d => d.Level)).ToArray();
        EscalationLevel? highest = all.Length == 0 ? null : all.Max();
        return new EscalationReview(observed.AsReadOnly(), due.AsReadOnly(), highest, NextEscalation.Earliest(next));
    }
}

/// <summary>One rung already raised for one KPI (an escalation row).</summary>
public sealed class EscalationRung
{
    public EscalationRung(SlaKpi kpi, EscalationLevel level)
    {
        Kpi = kpi;
        Level = level;
    }

    public SlaKpi Kpi { get; }

    public EscalationLevel Level { get; }

    public override string ToString() => $"{Kpi} {Level}";
}
