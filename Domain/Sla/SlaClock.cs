using System;
using PropertyCrm.Domain.Calendars;

namespace PropertyCrm.Domain.Sla;

/// <summary>
/// The state of one KPI of one request: when it started, when it warns and is due, how much working time it
/// spent paused, and how it ended. Immutable: <see cref="Pause"/>, <see cref="Resume"/>, <see cref="Complete"/>
/// and <see cref="Observe"/> return a new clock. Clock-free: every method takes <c>now</c> from the caller.
/// </summary>
/// <remarks>
/// <para><b>Deadlines.</b> <see cref="DueAt"/> is the instant the target's working time (plus working time spent
/// paused) has elapsed on the KPI's calendar, computed from <see cref="StartedAt"/> each time so pauses never
/// accumulate rounding; <see cref="WarningAt"/> likewise for the warning share.</para>
/// <para><b>Met or breached.</b> Completing at or before <see cref="DueAt"/> meets the target (the deadline instant
/// itself is still on time); the target is breached once <c>now</c> is after <see cref="DueAt"/>, and
/// <see cref="BreachedOn"/> is then <see cref="DueAt"/>, the moment it failed. A warning is due from the instant
/// <see cref="WarningAt"/> is reached.</para>
/// <para><b>Pauses.</b> Resuming moves both deadlines later by the working time (on this KPI's calendar) that passed
/// while paused: a request parked over a weekend on cn-workdays loses nothing. A breach is a fact: a clock paused
/// after its deadline stays breached and its deadlines do not move.</para>
/// </remarks>
public sealed class SlaClock
{
    private SlaClock(
        SlaTarget target,
        BusinessCalendar calendar,
        DateTimeOffset startedAt,
        DateTimeOffset dueAt,
        DateTimeOffset warningAt,
        TimeSpan pausedTotal,
        DateTimeOffset? pausedAt,
        DateTimeOffset? completedAt,
        DateTimeOffset? breachedOn,
        SlaStatus status)
    {
        Target = target;
        Calendar = calendar;
        StartedAt = startedAt;
        DueAt = dueAt;
        WarningAt = warningAt;
        PausedTotal = pausedTotal;
        PausedAt = pausedAt;
        CompletedAt = completedAt;
        BreachedOn = breachedOn;
        Status = status;
    }

    public SlaTarget Target { get; }

    public SlaKpi Kpi => Target.Kpi;

    /// <summary>The calendar named by <see cref="SlaTarget.CalendarName"/>; all timestamps are in its offset.</summary>
    public BusinessCalendar Calendar { get; }

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset DueAt { get; }

    public DateTimeOffset WarningAt { get; }

    /// <summary>Working time spent paused that moved the deadlines.</summary>
    public TimeSpan PausedTotal { get; }

    /// <summary>Set while paused.</summary>
    public DateTimeOffset? PausedAt { get; }

    /// <summary>Set once completed, met or not.</summary>
    public DateTimeOffset? CompletedAt { get; }

    /// <summary>The deadline that was missed, once the clock has observed the breach.</summary>
    public DateTimeOffset? BreachedOn { get; }

    /// <summary>Completion time when the target was met.</summary>
    public DateTimeOffset? MetOn => CompletedAt.HasValue && !BreachedOn.HasValue ? CompletedAt : null;

    /// <summary>Status as of the last operation; use <see cref="StatusAt"/> for the status at another instant.</summary>
    public SlaStatus Status { get; }

    public bool IsPaused => PausedAt.HasValue;

    public bool IsCompleted => CompletedAt.HasValue;

    /// <summary>Starts the KPI at <paramref name="startedAt"/> (usually when the request was logged).</summary>
    /// <exception cref="DomainException">The calendar is not the one the target names, or does not cover the dates.</exception>
    public static SlaClock Start(SlaTarget target, BusinessCalendar calendar, DateTimeOffset startedAt)
    {
        Guard.NotNull(target, nameof(target));
        Guard.NotNull(calendar, nameof(calendar));

        if (!string.Equals(target.CalendarName, calendar.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException(
                SlaErrorCodes.CalendarMismatch,
                $"{target.Kpi} 的目标使用工作日历 '{target.CalendarName}',却传入了 '{calendar.Name}' / "
                + $"The {target.Kpi} target runs on calendar '{target.CalendarName}' but '{calendar.Name}' was given.");
        }

        var start = startedAt.ToOffset(calendar.UtcOffset);
        var due = calendar.AddWorkingTime(start, target.Duration);
        var warning = calendar.AddWorkingTime(start, target.WarningAfter);
        return new SlaClock(target, calendar, start, due, warning, TimeSpan.Zero, null, null, null, SlaStatus.InProgress);
    }

    /// <summary>
    /// Rebuilds a clock from stored fields (e.g. a Dataverse KPI record). Deadlines are recomputed from
    /// <paramref name="startedAt"/> and <paramref name="pausedTotal"/>, so a stored record can never carry a
    /// deadline the rules would not produce.
    /// </summary>
    public static SlaClock Restore(
        SlaTarget target,
        BusinessCalendar calendar,
        DateTimeOffset startedAt,
        TimeSpan pausedTotal,
        DateTimeOffset? pausedAt,
        DateTimeOffset? completedAt,
        DateTimeOffset? breachedOn)
    {
        var clock = Start(target, calendar, startedAt);
        if (pausedTotal < TimeSpan.Zero || (pausedAt.HasValue && completedAt.HasValue)
            || (pausedAt.HasValue && pausedAt.Value < clock.StartedAt) || (completedAt.HasValue && completedAt.Value < clock.StartedAt))
        {
            throw new DomainException(
                SlaErrorCodes.InvalidClock,
                $"{target.Kpi} 的 SLA 计时数据不一致 / Inconsistent stored SLA clock for {target.Kpi}.");
        }

        var due = clock.Calendar.AddWorkingTime(clock.StartedAt, target.Duration + pausedTotal);
        var warning = clock.Calendar.AddWorkingTime(clock.StartedAt, target.WarningAfter + pausedTotal);
        // A stored breach is kept (it may have happened before a later pause), but pinned to the recomputed
        // deadline. Warning is not stored: a running clock comes back InProgress or Breached; Observe(now) refines it.
        DateTimeOffset? breach = breachedOn.HasValue || (completedAt.HasValue && completedAt.Value > due) ? due : null;
        var status = completedAt.HasValue ? (breach.HasValue ? SlaStatus.Breached : SlaStatus.Met)
            : pausedAt.HasValue ? SlaStatus.Paused
            : breach.HasValue ? SlaStatus.Breached
            : SlaStatus.InProgress;
        return new SlaClock(
            target,
            clock.Calendar,
            clock.StartedAt,
            due,
            warning,
            pausedTotal,
            pausedAt?.ToOffset(calendar.UtcOffset),
            completedAt?.ToOffset(calendar.UtcOffset),
            breach,
            status);
    }

    /// <summary>The status at <paramref name="now"/> without changing anything.</summary>
    public SlaStatus StatusAt(DateTimeOffset now)
    {
        if (CompletedAt.HasValue)
        {
            return BreachedOn.HasValue ? SlaStatus.Breached : SlaStatus.Met;
        }

        if (PausedAt.HasValue)
        {
            return SlaStatus.Paused;
        }

        if (now > DueAt)
        {
            return SlaStatus.Breached;
        }

        return now >= WarningAt ? SlaStatus.Warning : SlaStatus.InProgress;
    }

    /// <summary>
    /// Working time left before the deadline at <paramref name="now"/>; negative once overdue. While paused, what
    /// was left when the pause began.
    /// </summary>
    public TimeSpan RemainingAt(DateTimeOffset now)
    {
        var at = CompletedAt ?? PausedAt ?? now;
        return Calendar.WorkingTimeBetween(at, DueAt);
    }

    /// <summary>Records what <paramref name="now"/> shows (warning reached, breach) into <see cref="Status"/> and <see cref="BreachedOn"/>.</summary>
    public SlaClock Observe(DateTimeOffset now)
    {
        RequireNotBefore(StartedAt, now, nameof(now));
        if (CompletedAt.HasValue || PausedAt.HasValue)
        {
            return this;
        }

        return WithStatus(StatusAt(now), now > DueAt ? DueAt : BreachedOn);
    }

    /// <summary>Stops the clock while the request waits on the owner.</summary>
    public SlaClock Pause(DateTimeOffset now)
    {
        RequireRunning(nameof(Pause));
        if (PausedAt.HasValue)
        {
            throw new DomainException(
                SlaErrorCodes.AlreadyPaused,
                $"{Kpi} 的 SLA 计时已暂停(自 {PausedAt:o}) / The {Kpi} SLA clock is already paused (since {PausedAt:o}).");
        }

        RequireNotBefore(StartedAt, now, nameof(now));
        var observed = Observe(now);
        return new SlaClock(
            Target, Calendar, StartedAt, DueAt, WarningAt, PausedTotal, now.ToOffset(Calendar.UtcOffset), null, observed.BreachedOn, SlaStatus.Paused);
    }

    /// <summary>
    /// Restarts a paused clock; both deadlines move later by the working time between the pause and
    /// <paramref name="now"/> on the KPI's calendar, unless the deadline had already passed when it was paused.
    /// </summary>
    public SlaClock Resume(DateTimeOffset now)
    {
        RequireRunning(nameof(Resume));
        if (!PausedAt.HasValue)
        {
            throw new DomainException(
                SlaErrorCodes.NotPaused,
                $"{Kpi} 的 SLA 计时未暂停,无法恢复 / The {Kpi} SLA clock is not paused, so it cannot resume.");
        }

        var pausedAt = PausedAt.Value;
        RequireNotBefore(pausedAt, now, nameof(now));
        if (BreachedOn.HasValue)
        {
            var stillBreached = new SlaClock(Target, Calendar, StartedAt, DueAt, WarningAt, PausedTotal, null, null, BreachedOn, SlaStatus.Breached);
            return stillBreached;
        }

        var pausedTotal = PausedTotal + Calendar.WorkingTimeBetween(pausedAt, now);
        var due = Calendar.AddWorkingTime(StartedAt, Target.Duration + pausedTotal);
        var warning = Calendar.AddWorkingTime(StartedAt, Target.WarningAfter + pausedTotal);
        var resumed = new SlaClock(Target, Calendar, StartedAt, due, warning, pausedTotal, null, null, null, SlaStatus.InProgress);
        return resumed.Observe(now);
    }

    /// <summary>
    /// Ends the KPI at <paramref name="now"/>: met if at or before <see cref="DueAt"/>, otherwise breached with
    /// <see cref="BreachedOn"/> = <see cref="DueAt"/>. A paused clock is resumed at <paramref name="now"/> first, so the
    /// pause still counts in the owner's favour.
    /// </summary>
    public SlaClock Complete(DateTimeOffset now)
    {
        RequireRunning(nameof(Complete));
        var running = PausedAt.HasValue ? Resume(now) : this;
        RequireNotBefore(running.StartedAt, now, nameof(now));
        var breachedOn = running.BreachedOn ?? (now > running.DueAt ? running.DueAt : (DateTimeOffset?)null);
        return new SlaClock(
            Target,
            Calendar,
            running.StartedAt,
            running.DueAt,
            running.WarningAt,
            running.PausedTotal,
            null,
            now.ToOffset(Calendar.UtcOffset),
            breachedOn,
            breachedOn.HasValue ? SlaStatus.Breached : SlaStatus.Met);
    }

    private SlaClock WithStatus(SlaStatus status, DateTimeOffset? breachedOn) =>
        new SlaClock(Target, Calendar, StartedAt, DueAt, WarningAt, PausedTotal, PausedAt, CompletedAt, breachedOn, status);

    private void RequireRunning(string operation)
    {
        if (CompletedAt.HasValue)
        {
            throw new DomainException(
                SlaErrorCodes.AlreadyCompleted,
                $"{Kpi} 的 SLA 已于 {CompletedAt:o} 结束,不能再{OperationName(operation)} / "
                + $"The {Kpi} SLA ended at {CompletedAt:o}; it cannot {operation.ToLowerInvariant()}.");
        }
    }

    private void RequireNotBefore(DateTimeOffset earliest, DateTimeOffset now, string parameterName)
    {
        if (now < earliest)
        {
            throw new DomainException(
                SlaErrorCodes.TimeBeforeLastChange,
                $"{Kpi} 的 SLA 时间倒退:{parameterName} = {now:o} 早于 {earliest:o} / "
                + $"Time went backwards for the {Kpi} SLA: {parameterName} = {now:o} is before {earliest:o}.");
        }
    }

    private static string OperationName(string operation) => operation switch
    {
        nameof(Pause) => "暂停",
        nameof(Resume) => "恢复",
        _ => "结束",
    };
}
