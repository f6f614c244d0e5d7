using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PropertyCrm.Domain.Calendars;

/// <summary>
/// When a property's staff work: a fixed UTC offset, the ordinary week, public holidays and 调休 make-up
/// working days. Answers the two questions an SLA asks: "when has this much working time elapsed?"
/// (<see cref="AddWorkingTime"/>) and "how much working time lies between these instants?"
/// (<see cref="WorkingTimeBetween"/>). Immutable and clock-free.
/// </summary>
/// <remarks>
/// <para><b>Offsets, not time zones.</b> A calendar carries one fixed <see cref="UtcOffset"/> instead of an IANA
/// zone, because .NET Framework 4.6.2 (the plug-in runtime) cannot resolve IANA ids and Windows zone ids differ
/// between hosts. For mainland China this is exact: Asia/Shanghai has been UTC+08:00 all year since daylight
/// saving was abolished in 1991. A calendar for a region with DST would need one calendar per offset period;
/// none is needed today. Inputs may carry any offset; they are converted, and every result is expressed in the
/// calendar's offset.</para>
/// <para><b>Intervals and precision.</b> Working intervals are half-open [start, end). Arithmetic is exact to the
/// tick (100 ns): nothing is rounded, so whole-minute inputs give whole-minute results.</para>
/// <para><b>Coverage.</b> A calendar that <see cref="ObservesPublicHolidays"/> only knows the years it has a
/// <see cref="HolidaySchedule"/> for. Touching any other year throws <see cref="CalendarErrorCodes.YearNotCovered"/>
/// instead of guessing: an SLA computed as if Spring Festival were ordinary weekdays would be silently wrong,
/// and a clear error prompts an admin to add the new year's notice.</para>
/// <para><b>Cost.</b> Both operations walk day by day and subtract whole intervals, so time grows with the number
/// of days spanned (one dictionary look-up per day), never with the number of minutes.</para>
/// </remarks>
public sealed class BusinessCalendar
{
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    private readonly WeeklyHours week;
    private readonly Dictionary<CalendarDate, WorkingInterval[]> datedHours;
    private readonly HashSet<int> coveredYears;

    /// <param name="name">Stable identifier used by SLA policies, e.g. "cn-workdays".</param>
    /// <param name="utcOffset">Fixed offset of the calendar's wall clock, whole minutes within ±14:00.</param>
    /// <param name="weeklyHours">The ordinary week; must contain some working time.</param>
    /// <param name="schedules">Holiday schedules, at most one per year.</param>
    /// <param name="observesPublicHolidays">
    /// False for calendars that never close (24×7); they take no schedules and cover every year.
    /// </param>
    /// <param name="makeUpDayHours">Hours of a 调休 day whose schedule entry lists none.</param>
    /// <param name="description">Free text for admins and <c>pcrm sla calendars</c>.</param>
    public BusinessCalendar(
        string name,
        TimeSpan utcOffset,
        WeeklyHours weeklyHours,
        IEnumerable<HolidaySchedule> schedules,
        bool observesPublicHolidays = true,
        IEnumerable<WorkingInterval>? makeUpDayHours = null,
        string? description = null)
    {
        Guard.NotNull(weeklyHours, nameof(weeklyHours));
        Guard.NotNull(schedules, nameof(schedules));

        if (string.IsNullOrWhiteSpace(name))
        {
            throw Invalid(name ?? string.Empty, "名称不能为空", "the name must not be empty");
        }

        if (utcOffset.Ticks % TimeSpan.TicksPerMinute != 0 || utcOffset.Duration() > MaxOffset)
        {
            throw Invalid(name, $"UTC 偏移 {utcOffset} 须为整分钟且在 ±14:00 之内", $"UTC offset {utcOffset} must be whole minutes within ±14:00");
        }

        // A week without working time would make AddWorkingTime search forever.
        if (weeklyHours.TotalPerWeek <= TimeSpan.Zero)
        {
            throw Invalid(name, "每周至少需要一个工作时段", "the week needs at least one working interval");
        }

        var scheduleList = schedules.OrderBy(s => s.Year).ToArray();
        if (!observesPublicHolidays && scheduleList.Length > 0)
        {
            throw Invalid(name, "不执行法定节假日的日历不能带节假日安排", "a calendar that ignores public holidays cannot carry holiday schedules");
        }

        var defaultMakeUpHours = makeUpDayHours is null ? null : WorkingIntervalList.Normalize(makeUpDayHours, "make-up day");
        if (defaultMakeUpHours is { Length: 0 })
        {
            throw Invalid(name, "调休日工作时段不能为空", "make-up day hours must not be empty");
        }

        datedHours = new Dictionary<CalendarDate, WorkingInterval[]>();
        coveredYears = new HashSet<int>();
        foreach (var schedule in scheduleList)
        {
            if (!coveredYears.Add(schedule.Year))
            {
                throw Invalid(name, $"{schedule.Year} 年的节假日安排重复", $"the {schedule.Year} holiday schedule is given twice");
            }

            foreach (var day in schedule.Holidays.SelectMany(h => h.Days()))
            {
                AddDated(name, day, Array.Empty<WorkingInterval>());
            }

            foreach (var workday in schedule.Workdays)
            {
                var hours = workday.Hours?.ToArray() ?? defaultMakeUpHours
                    ?? throw Invalid(
                        name,
                        $"调休上班日 {workday.Date} 未给出工作时段,日历也没有默认调休时段",
                        $"make-up working day {workday.Date} has no hours and the calendar has no make-up day hours");
                AddDated(name, workday.Date, hours);
            }
        }

        Name = name;
        UtcOffset = utcOffset;
        this.week = weeklyHours;
        Schedules = Array.AsReadOnly(scheduleList);
        ObservesPublicHolidays = observesPublicHolidays;
        MakeUpDayHours = defaultMakeUpHours is null ? null : Array.AsReadOnly(defaultMakeUpHours);
        CoveredYears = Array.AsReadOnly(coveredYears.OrderBy(y => y).ToArray());
        Description = description;
    }

    public string Name { get; }

    /// <summary>The fixed offset of the calendar's wall clock; every result is expressed in it.</summary>
    public TimeSpan UtcOffset { get; }

    public WeeklyHours WeeklyHours => this.week;

    /// <summary>Sorted by year.</summary>
    public IReadOnlyList<HolidaySchedule> Schedules { get; }

    public bool ObservesPublicHolidays { get; }

    /// <summary>Hours of a 调休 day whose schedule entry lists none; null when the calendar has no default.</summary>
    public IReadOnlyList<WorkingInterval>? MakeUpDayHours { get; }

    /// <summary>Years with a holiday schedule, ascending. Meaningful only when <see cref="ObservesPublicHolidays"/>.</summary>
    public IReadOnlyList<int> CoveredYears { get; }

    public string? Description { get; }

    /// <summary>
    /// This calendar with <paramref name="schedules"/> added, each replacing any schedule of the same year. This is
    /// how admins extend a calendar, built-in ones included, when the State Council publishes the next year's
    /// notice: the week, offset and make-up day hours stay as they are.
    /// </summary>
    /// <exception cref="DomainException">The calendar ignores public holidays, or the merged dates conflict.</exception>
    public BusinessCalendar WithSchedules(IEnumerable<HolidaySchedule> schedules)
    {
        Guard.NotNull(schedules, nameof(schedules));

        var added = schedules.ToArray();
        var addedYears = new HashSet<int>(added.Select(s => s.Year));
        var merged = Schedules.Where(s => !addedYears.Contains(s.Year)).Concat(added);
        return new BusinessCalendar(Name, UtcOffset, this.week, merged, ObservesPublicHolidays, MakeUpDayHours, Description);
    }

    /// <summary>True when working time on days of <paramref name="year"/> can be computed.</summary>
    public bool Covers(int year) => !ObservesPublicHolidays || coveredYears.Contains(year);

    /// <summary>The working intervals of <paramref name="date"/>, after holidays and 调休.</summary>
    /// <exception cref="DomainException"><see cref="CalendarErrorCodes.YearNotCovered"/>.</exception>
    public IReadOnlyList<WorkingInterval> WorkingIntervalsOn(CalendarDate date) => Array.AsReadOnly(IntervalsOn(date));

    /// <summary>True when <paramref name="instant"/> lies inside a working interval (start included, end excluded).</summary>
    public bool IsWorkingInstant(DateTimeOffset instant)
    {
        var local = instant.ToOffset(UtcOffset);
        var timeOfDay = local.TimeOfDay;
        foreach (var interval in IntervalsOn(CalendarDate.FromDateTime(local.DateTime)))
        {
            if (interval.Start <= timeOfDay && timeOfDay < interval.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The earliest working instant at or after <paramref name="instant"/>: the instant itself during working
    /// hours, otherwise the start of the next working interval. This is where an SLA clock started outside hours
    /// begins to run. Expressed in the calendar's offset.
    /// </summary>
    public DateTimeOffset NextWorkingInstant(DateTimeOffset instant)
    {
        var local = instant.ToOffset(UtcOffset);
        var date = CalendarDate.FromDateTime(local.DateTime);
        var position = local.TimeOfDay.Ticks;
        while (true)
        {
            foreach (var interval in IntervalsOn(date))
            {
                if (interval.End.Ticks > position)
                {
                    return At(date, Math.Max(interval.Start.Ticks, position));
                }
            }

            date = NextDay(date);
            position = 0;
        }
    }

    /// <summary>
    /// The instant at which <paramref name="duration"/> of working time has elapsed after <paramref name="start"/>:
    /// the earliest instant t with <c>WorkingTimeBetween(start, t) == duration</c>.
    /// </summary>
    /// <remarks>
    /// Consequences of "earliest": a start outside working hours rolls forward to the next working instant
    /// before time is counted; a result that falls exactly on the end of an interval stays at that end (a
    /// 9-hour target from Friday 09:00 is due Friday 18:00, not Monday 09:00); and a zero duration returns
    /// <paramref name="start"/> itself. The result is in the calendar's offset.
    /// </remarks>
    /// <exception cref="DomainException">
    /// Negative duration, a year the calendar does not cover, or a result beyond 9999-12-31.
    /// </exception>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new DomainException(
                CalendarErrorCodes.NegativeDuration,
                $"工作时长不能为负数:{nameof(duration)} = {duration} / Working duration must not be negative: {nameof(duration)} = {duration}.");
        }

        // Working time never outruns wall-clock time, so this bound is a cheap overflow guard.
        if (duration.Ticks > DateTimeOffset.MaxValue.UtcTicks - start.UtcTicks)
        {
            throw OutOfRange();
        }

        var local = start.ToOffset(UtcOffset);
        if (duration == TimeSpan.Zero)
        {
            return local;
        }

        var remaining = duration.Ticks;
        var date = CalendarDate.FromDateTime(local.DateTime);
        var position = local.TimeOfDay.Ticks;
        while (true)
        {
            foreach (var interval in IntervalsOn(date))
            {
                var end = interval.End.Ticks;
                if (end <= position)
                {
                    continue;
                }

                var begin = Math.Max(interval.Start.Ticks, position);
                var available = end - begin;
                if (remaining <= available)
                {
                    return At(date, begin + remaining);
                }

                remaining -= available;
            }

            date = NextDay(date);
            position = 0;
        }
    }

    /// <summary>
    /// Working time inside the half-open span [<paramref name="from"/>, <paramref name="to"/>), exact to the tick.
    /// When <paramref name="to"/> is earlier than <paramref name="from"/> the result is the negated working time of
    /// [to, from), so callers can subtract instants in either order.
    /// </summary>
    /// <exception cref="DomainException">A day inside the span falls in a year the calendar does not cover.</exception>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -WorkingTimeBetween(to, from);
        }

        if (to == from)
        {
            return TimeSpan.Zero;
        }

        var start = from.ToOffset(UtcOffset);
        var end = to.ToOffset(UtcOffset);
        var date = CalendarDate.FromDateTime(start.DateTime);
        var lastDate = CalendarDate.FromDateTime(end.DateTime);
        var lastLimit = end.TimeOfDay.Ticks;

        // An end at midnight contributes nothing from its own day; stopping the day before avoids asking a
        // calendar about a year it may not cover (a span ending 2027-01-01T00:00 needs no 2027 data).
        if (lastLimit == 0)
        {
            lastDate = lastDate.AddDays(-1);
            lastLimit = TimeSpan.TicksPerDay;
        }

        var lower = start.TimeOfDay.Ticks;
        long total = 0;
        while (true)
        {
            var upper = date == lastDate ? lastLimit : TimeSpan.TicksPerDay;
            foreach (var interval in IntervalsOn(date))
            {
                var overlap = Math.Min(interval.End.Ticks, upper) - Math.Max(interval.Start.Ticks, lower);
                if (overlap > 0)
                {
                    total += overlap;
                }
            }

            if (date == lastDate)
            {
                return TimeSpan.FromTicks(total);
            }

            date = date.AddDays(1);
            lower = 0;
        }
    }

    public override string ToString() => Name;

    private WorkingInterval[] IntervalsOn(CalendarDate date)
    {
        if (ObservesPublicHolidays && !coveredYears.Contains(date.Year))
        {
            throw YearNotCovered(date);
        }

        return datedHours.TryGetValue(date, out var dated) ? dated : this.week.IntervalsFor(date.DayOfWeek);
    }

    private void AddDated(string name, CalendarDate date, WorkingInterval[] hours)
    {
        if (datedHours.ContainsKey(date))
        {
            throw Invalid(name, $"{date} 在多个年度安排中出现", $"{date} appears in more than one schedule");
        }

        datedHours.Add(date, hours);
    }

    private DateTimeOffset At(CalendarDate date, long ticksIntoDay)
    {
        try
        {
            return new DateTimeOffset(date.ToDateTime().AddTicks(ticksIntoDay), UtcOffset);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw OutOfRange();
        }
    }

    private static CalendarDate NextDay(CalendarDate date)
    {
        try
        {
            return date.AddDays(1);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw OutOfRange();
        }
    }

    private DomainException YearNotCovered(CalendarDate date)
    {
        var covered = CoveredYears.Count == 0
            ? "无 / none"
            : string.Join(", ", CoveredYears.Select(y => y.ToString(CultureInfo.InvariantCulture)));
        return new DomainException(
            CalendarErrorCodes.YearNotCovered,
            $"工作日历 '{Name}' 没有 {date.Year} 年的节假日安排(需要计算 {date}),已覆盖年份:{covered};请管理员先添加该年度的节假日安排 / "
            + $"Business calendar '{Name}' has no {date.Year} holiday schedule (needed for {date}); covered years: {covered}. "
            + "An admin must add that year's schedule before SLAs can be computed on it.");
    }

    private static DomainException OutOfRange() =>
        new DomainException(
            CalendarErrorCodes.OutOfRange,
            "计算结果超出可表示的日期范围(9999-12-31 之后) / The result lies beyond the representable range (after 9999-12-31).");

    private static DomainException Invalid(string name, string chinese, string english) =>
        new DomainException(
            CalendarErrorCodes.InvalidCalendar,
            $"工作日历 '{name}' 无效:{chinese} / Invalid business calendar '{name}': {english}.");
}
