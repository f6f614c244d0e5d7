using System;
using PropertyCrm.Domain.Calendars;

namespace PropertyCrm.Domain.Sla;

/// <summary>
/// How a stored clock becomes a live <see cref="SlaClock"/> and back: the rules the row mapping and the SLA sweep share,
/// so a stored deadline can never disagree with the rules.
/// </summary>
/// <remarks>
/// <para><b>Policy reconciliation.</b> The stored target (minutes and calendar) is the promise and wins; the policy now
/// in force for the request's facts supplies the warning share and, only while its duration is still the stored one,
/// the escalation ladder (otherwise the proportional default ladder). A blank stored calendar falls back to the
/// policy's, then to <see cref="BuiltInCalendars.ChinaWorkdaysName"/>.</para>
/// <para><b>Precision.</b> Paused time is stored in whole minutes: a clock whose paused total is not whole minutes is
/// stored with the whole minutes, rounded down (the owner's benefit is never overstated), and its deadlines
/// recomputed from them.</para>
/// </remarks>
public static class StoredSlaClocks
{
    /// <summary>The target a stored clock runs on (see the remarks for how the policy in force takes part).</summary>
    /// <param name="kpi">The clock's KPI.</param>
    /// <param name="storedMinutes">The stored target minutes (positive).</param>
    /// <param name="storedCalendar">The stored calendar name; blank when none was stored.</param>
    /// <param name="inForce">The target the policy in force sets for this KPI; null when none does.</param>
    public static SlaTarget Reconcile(SlaKpi kpi, int storedMinutes, string? storedCalendar, SlaTarget? inForce)
    {
        var duration = TimeSpan.FromMinutes(storedMinutes);
        var calendarName = string.IsNullOrWhiteSpace(storedCalendar)
            ? inForce?.CalendarName ?? BuiltInCalendars.ChinaWorkdaysName
            : storedCalendar!;
        return inForce is null
            ? new SlaTarget(kpi, duration, calendarName)
            : new SlaTarget(kpi, duration, calendarName, inForce.WarningPercent, inForce.Duration == duration ? inForce.Ladder : null);
    }

    /// <summary>
    /// The live clock of a stored one, or null when the KPI is not tracked. It is completed at its met-on time, else
    /// at <see cref="StoredSlaClock.CompletedBy"/>; <paramref name="pausedOn"/> applies only to a clock still running.
    /// </summary>
    /// <param name="stored">The stored values.</param>
    /// <param name="startedAt">When the request's SLA started.</param>
    /// <param name="pausedOn">When the request was paused (waiting on owner); null when it runs.</param>
    /// <param name="inForce">The target the policy in force sets for this KPI; null when none does.</param>
    /// <param name="calendars">The calendars a stored name is looked up in.</param>
    /// <exception cref="DomainException">An unknown calendar or an inconsistent stored clock.</exception>
    public static SlaClock? Restore(StoredSlaClock stored, DateTimeOffset startedAt, DateTimeOffset? pausedOn, SlaTarget? inForce, BusinessCalendarCatalog calendars)
    {
        Guard.NotNull(stored, nameof(stored));
        Guard.NotNull(calendars, nameof(calendars));
        if (!stored.IsTracked)
        {
            return null;
        }

        var target = Reconcile(stored.Kpi, stored.TargetMinutes!.Value, stored.CalendarName, inForce);
        var completedAt = stored.MetOn ?? stored.CompletedBy;
        return SlaClock.Restore(
            target,
            calendars.Get(target.CalendarName),
            startedAt,
            TimeSpan.FromMinutes(stored.PausedMinutes ?? 0),
            completedAt.HasValue ? null : pausedOn,
            completedAt,
            stored.BreachedOn);
    }

    /// <summary>
    /// The clock as it can be stored: unchanged when its paused total is whole minutes, otherwise rebuilt with the
    /// whole minutes (rounded down) and, when still running, observed at <paramref name="now"/>.
    /// </summary>
    public static SlaClock? WholeMinutesPaused(SlaClock? clock, DateTimeOffset now)
    {
        if (clock is null || clock.PausedTotal.Ticks % TimeSpan.TicksPerMinute == 0)
        {
            return clock;
        }

        var whole = TimeSpan.FromMinutes(Math.Floor(clock.PausedTotal.TotalMinutes));
        var restored = SlaClock.Restore(clock.Target, clock.Calendar, clock.StartedAt, whole, clock.PausedAt, clock.CompletedAt, clock.BreachedOn);
        return restored.IsCompleted || restored.IsPaused ? restored : restored.Observe(now);
    }
}
