using System;
using System.Collections.Generic;

namespace PropertyCrm.Domain.Sla;

/// <summary>
/// Decides which escalations a KPI needs right now. Idempotent by construction: the caller passes the levels it
/// has already recorded (e.g. escalation rows in Dataverse) and gets only the missing ones, so a scheduled job
/// may run as often as it likes, or twice concurrently with the same record, without notifying anyone twice.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Warning is due from <see cref="SlaClock.WarningAt"/>; Level 1 once <c>now</c> is after
/// <see cref="SlaClock.DueAt"/> (the breach); Levels 2 and 3 from the ladder's working-time offsets after the deadline,
/// counted on the KPI's calendar.</item>
/// <item>All rungs reached and not yet recorded are returned together, lowest first: a job that ran late still
/// tells everyone it should have told.</item>
/// <item>A paused clock is judged at the instant it was paused: nothing new becomes due while the request waits
/// on the owner. A completed clock needs no escalation: the breach stays recorded on the clock itself.</item>
/// </list>
/// </remarks>
public static class EscalationPlanner
{
    public static IReadOnlyList<DueEscalation> Due(SlaClock clock, IEnumerable<EscalationLevel> alreadyRecordedLevels, DateTimeOffset now)
    {
        Guard.NotNull(clock, nameof(clock));
        Guard.NotNull(alreadyRecordedLevels, nameof(alreadyRecordedLevels));

        if (clock.IsCompleted)
        {
            return Array.Empty<DueEscalation>();
        }

        var recorded = new HashSet<EscalationLevel>(alreadyRecordedLevels);
        var at = clock.PausedAt ?? now;
        var due = new List<DueEscalation>();
        if (at < clock.WarningAt)
        {
            return due;
        }

        Add(due, recorded, clock, EscalationLevel.Warning, clock.WarningAt);
        if (at <= clock.DueAt)
        {
            return due;
        }

        Add(due, recorded, clock, EscalationLevel.Level1, clock.DueAt);

        // Computed only once the breach is real: the offsets may reach into a year the calendar does not cover.
        var level2At = clock.Calendar.AddWorkingTime(clock.DueAt, clock.Target.Ladder.Level2AfterBreach);
        if (at < level2At)
        {
            return due;
        }

        Add(due, recorded, clock, EscalationLevel.Level2, level2At);
        var level3At = clock.Calendar.AddWorkingTime(clock.DueAt, clock.Target.Ladder.Level3AfterBreach);
        if (at >= level3At)
        {
            Add(due, recorded, clock, EscalationLevel.Level3, level3At);
        }

        return due;
    }

    private static void Add(List<DueEscalation> due, HashSet<EscalationLevel> recorded, SlaClock clock, EscalationLevel level, DateTimeOffset since)
    {
        if (!recorded.Contains(level))
        {
            due.Add(new DueEscalation(clock.Kpi, level, since));
        }
    }
}
