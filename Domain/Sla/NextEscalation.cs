using System;
using System.Collections.Generic;

namespace PropertyCrm.Domain.Sla;

/// <summary>
/// When a request next needs the escalation sweep: the value of <c>pcrm_nextescalationon</c>, the sweep's index.
/// Both writers use it: the service-request steps on create/update (nothing recorded yet, or after a pause,
/// resume or completion) and the sweep after it has recorded the rungs that were due.
/// </summary>
/// <remarks>
/// <para><b>Contract with <see cref="EscalationPlanner.Due"/>.</b> For a running clock, <see cref="Of"/> is the
/// earliest whole second <c>t</c> at which <c>EscalationPlanner.Due(clock, recorded, t)</c> returns a rung not yet
/// recorded: the sweep that sees the request at or after that instant always finds work, and no earlier whole
/// second has any. Dataverse keeps date-time columns to the second, so instants are rounded up to a whole
/// second, never down: a stored index is never early. Level 1 is due once <c>now</c> is <i>after</i> the deadline,
/// so its instant is the first whole second after <see cref="SlaClock.DueAt"/>.</para>
/// <para><b>Nothing can come (null).</b> A completed clock (its breach, if any, is on the clock itself), a paused clock
/// (nothing becomes due while the request waits on the owner; resuming recomputes the index), and a clock whose four
/// rungs are all recorded.</para>
/// <para>Rungs are reached in order (warning ≤ deadline &lt; level 2 &lt; level 3), so the answer is the instant of the
/// lowest rung not yet recorded; it may be in the past (a late sweep, or a rung missed while the sweep was off),
/// which puts the request straight into the sweep's next page.</para>
/// <para>Level 2 and 3 instants are computed only once Level 1 is recorded, as the planner does: before the breach
/// they are never the answer, and the calendar may not cover their year yet.</para>
/// </remarks>
public static class NextEscalation
{
    private static readonly EscalationLevel[] Ladder =
    {
        EscalationLevel.Warning, EscalationLevel.Level1, EscalationLevel.Level2, EscalationLevel.Level3,
    };

    /// <summary>The earliest instant a rung of <paramref name="clock"/> not in <paramref name="alreadyRecordedLevels"/> is due; null when none can come.</summary>
    /// <exception cref="DomainException">The calendar does not cover the year of the level 2 or 3 instant.</exception>
    public static DateTimeOffset? Of(SlaClock clock, IEnumerable<EscalationLevel> alreadyRecordedLevels)
    {
        Guard.NotNull(clock, nameof(clock));
        Guard.NotNull(alreadyRecordedLevels, nameof(alreadyRecordedLevels));

        if (clock.IsCompleted || clock.IsPaused)
        {
            return null;
        }

        var recorded = new HashSet<EscalationLevel>(alreadyRecordedLevels);
        foreach (var level in Ladder)
        {
            if (!recorded.Contains(level))
            {
                return InstantOf(clock, level);
            }
        }

        return null;
    }

    /// <summary>The earliest of several KPIs' instants (e.g. first response and resolution of one request); null when all are null.</summary>
    public static DateTimeOffset? Earliest(IEnumerable<DateTimeOffset?> instants)
    {
        Guard.NotNull(instants, nameof(instants));

        DateTimeOffset? earliest = null;
        foreach (var instant in instants)
        {
            if (instant.HasValue && (!earliest.HasValue || instant.Value < earliest.Value))
            {
                earliest = instant;
            }
        }

        return earliest;
    }

    /// <inheritdoc cref="Earliest(IEnumerable{DateTimeOffset?})"/>
    public static DateTimeOffset? Earliest(params DateTimeOffset?[] instants) => Earliest((IEnumerable<DateTimeOffset?>)instants);

    /// <summary>The first whole second at which <paramref name="level"/> is due for <paramref name="clock"/>, as the planner judges it.</summary>
    public static DateTimeOffset InstantOf(SlaClock clock, EscalationLevel level)
    {
        Guard.NotNull(clock, nameof(clock));

        return level switch
        {
            EscalationLevel.Warning => CeilingSecond(clock.WarningAt),
            EscalationLevel.Level1 => InstantPrecision.TruncateToSecond(clock.DueAt).AddSeconds(1),
            EscalationLevel.Level2 => CeilingSecond(clock.Calendar.AddWorkingTime(clock.DueAt, clock.Target.Ladder.Level2AfterBreach)),
            EscalationLevel.Level3 => CeilingSecond(clock.Calendar.AddWorkingTime(clock.DueAt, clock.Target.Ladder.Level3AfterBreach)),
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown escalation level."),
        };
    }

    private static DateTimeOffset CeilingSecond(DateTimeOffset instant)
    {
        var floor = InstantPrecision.TruncateToSecond(instant);
        return floor == instant ? instant : floor.AddSeconds(1);
    }
}
