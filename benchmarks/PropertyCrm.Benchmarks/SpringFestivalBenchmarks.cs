using System;
using BenchmarkDotNet.Attributes;
using PropertyCrm.Domain.Calendars;

namespace PropertyCrm.Benchmarks;

/// <summary>
/// The SLA targets the system computes most often, started on Friday 13 February 2026 at 17:00, the last
/// ordinary working afternoon before the 2026 Spring Festival (Sat 14 Feb is a 调休 working day, 15-23 Feb off).
/// </summary>
/// <remarks>Public and unsealed because BenchmarkDotNet generates a subclass to run it.</remarks>
[MemoryDiagnoser]
[MedianColumn]
public class SpringFestivalBenchmarks
{
    private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 2, 13, 17, 0, 0, TimeSpan.FromHours(8));
    private readonly BusinessCalendar calendar = BuiltInCalendars.ChinaWorkdays;

    [Benchmark(Baseline = true, Description = "cn-workdays +30 min")]
    public DateTimeOffset Add30Minutes() => calendar.AddWorkingTime(Start, TimeSpan.FromMinutes(30));

    [Benchmark(Description = "cn-workdays +2 h")]
    public DateTimeOffset Add2Hours() => calendar.AddWorkingTime(Start, TimeSpan.FromHours(2));

    [Benchmark(Description = "cn-workdays +3 working days (27 h)")]
    public DateTimeOffset Add3WorkingDays() => calendar.AddWorkingTime(Start, TimeSpan.FromHours(27));

    [Benchmark(Description = "cn-workdays between 2025-01-01 and 2026-01-01")]
    public TimeSpan WorkingTimeBetweenOneYear() =>
        calendar.WorkingTimeBetween(
            new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)),
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)));
}
