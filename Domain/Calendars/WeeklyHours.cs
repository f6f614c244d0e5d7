using System;
using System.Collections.Generic;
using System.Linq;

namespace PropertyCrm.Domain.Calendars;

/// <summary>
/// The ordinary working week: for each weekday, zero or more working intervals (a lunch break is simply two
/// intervals, e.g. 08:30-12:00 and 13:30-17:30). Days not listed are closed. Immutable.
/// </summary>
public sealed class WeeklyHours
{
    private readonly WorkingInterval[][] byDay;
    private readonly IReadOnlyList<WorkingInterval>[] readOnlyByDay;

    public WeeklyHours(IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> days)
    {
        Guard.NotNull(days, nameof(days));

        byDay = new WorkingInterval[7][];
        for (var day = DayOfWeek.Sunday; day <= DayOfWeek.Saturday; day++)
        {
            byDay[(int)day] = days.TryGetValue(day, out var intervals)
                ? WorkingIntervalList.Normalize(intervals, day.ToString())
                : Array.Empty<WorkingInterval>();
        }

        readOnlyByDay = byDay.Select(d => (IReadOnlyList<WorkingInterval>)Array.AsReadOnly(d)).ToArray();
    }

    /// <summary>Every day from 00:00 to 24:00.</summary>
    public static WeeklyHours AllDay { get; } = Uniform(AllDays(), new WorkingInterval(TimeSpan.Zero, TimeSpan.FromDays(1)));

    /// <summary>The same intervals on each of <paramref name="days"/>, the others closed.</summary>
    public static WeeklyHours Uniform(IEnumerable<DayOfWeek> days, params WorkingInterval[] intervals)
    {
        Guard.NotNull(days, nameof(days));
        Guard.NotNull(intervals, nameof(intervals));

        var map = new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>();
        foreach (var day in days.Distinct())
        {
            map[day] = intervals;
        }

        return new WeeklyHours(map);
    }

    /// <summary>Monday to Friday.</summary>
    public static IEnumerable<DayOfWeek> MondayToFriday()
    {
        return new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
    }

    public static IEnumerable<DayOfWeek> AllDays()
    {
        for (var day = DayOfWeek.Sunday; day <= DayOfWeek.Saturday; day++)
        {
            yield return day;
        }
    }

    /// <summary>Sorted, non-overlapping intervals for <paramref name="day"/>; empty when closed.</summary>
    public IReadOnlyList<WorkingInterval> For(DayOfWeek day) => readOnlyByDay[(int)day];

    /// <summary>The backing array, for the calendar's hot loop; never handed out.</summary>
    internal WorkingInterval[] IntervalsFor(DayOfWeek day) => byDay[(int)day];

    /// <summary>Working time in one ordinary week (no holidays, no 调休).</summary>
    public TimeSpan TotalPerWeek => TimeSpan.FromTicks(byDay.Sum(d => WorkingIntervalList.Total(d).Ticks));
}
