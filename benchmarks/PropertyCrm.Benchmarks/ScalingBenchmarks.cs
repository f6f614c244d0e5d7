using System;
using BenchmarkDotNet.Attributes;
using PropertyCrm.Domain.Calendars;

namespace PropertyCrm.Benchmarks;

/// <summary>
/// How cost grows with the span: the walk is day by day, so 3, 30 and 300 days should cost roughly 1×, 10× and
/// 100× (plus a constant), independent of how many minutes are involved.
/// </summary>
/// <remarks>Public and unsealed because BenchmarkDotNet generates a subclass to run it.</remarks>
[MemoryDiagnoser]
[MedianColumn]
public class ScalingBenchmarks
{
    private static readonly DateTimeOffset Start = new DateTimeOffset(2025, 1, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly BusinessCalendar calendar = BuiltInCalendars.ChinaWorkdays;

    /// <summary>Working days added (9 h each) or calendar days measured; 300 working days stays inside 2025-2026.</summary>
    [Params(3, 30, 300)]
    public int Days { get; set; }

    [Benchmark(Description = "AddWorkingTime(Days x 9 h)")]
    public DateTimeOffset AddWorkingDays() => this.calendar.AddWorkingTime(Start, TimeSpan.FromHours(9 * Days));

    [Benchmark(Description = "WorkingTimeBetween(Days calendar days)")]
    public TimeSpan BetweenCalendarDays() => this.calendar.WorkingTimeBetween(Start, Start.AddDays(Days));
}
