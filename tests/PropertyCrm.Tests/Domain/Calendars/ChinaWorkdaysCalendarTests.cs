using System;
using System.Linq;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Calendars;

namespace PropertyCrm.Tests.Domain.Calendars;

/// <summary>The shipped State Council data, day by day, as the 2025 and 2026 notices print it.</summary>
public sealed class ChinaWorkdaysCalendarTests
{
    private static readonly BusinessCalendar Calendar = BuiltInCalendars.ChinaWorkdays;

    public static TheoryData<string> DaysOff => new()
    {
        // 2025 (国办发明电〔2024〕12号)
        "2025-01-01",
        "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02", "2025-02-03", "2025-02-04",
        "2025-04-04", "2025-04-05", "2025-04-06",
        "2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04", "2025-05-05",
        "2025-05-31", "2025-06-01", "2025-06-02",
        "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08",

        // 2026
        "2026-01-01", "2026-01-02", "2026-01-03",
        "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23",
        "2026-04-04", "2026-04-05", "2026-04-06",
        "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05",
        "2026-06-19", "2026-06-20", "2026-06-21",
        "2026-09-25", "2026-09-26", "2026-09-27",
        "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07",
    };

    public static TheoryData<string> MakeUpWorkdays => new()
    {
        "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
        "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
    };

    [Theory]
    [MemberData(nameof(DaysOff))]
    public void WorkingIntervalsOn_PublicHoliday_IsClosed(string date)
    {
        Assert.Empty(Calendar.WorkingIntervalsOn(CalendarDate.ParseIso(date)));
    }

    [Theory]
    [MemberData(nameof(MakeUpWorkdays))]
    public void WorkingIntervalsOn_MakeUpWorkday_IsWeekendWorkedNineToSix(string date)
    {
        var day = CalendarDate.ParseIso(date);

        Assert.True(day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{date} should be a weekend day");
        Assert.Equal(new[] { WorkingInterval.Parse("09:00-18:00") }, Calendar.WorkingIntervalsOn(day));
    }

    [Theory]
    [InlineData("2026-02-13", "09:00-18:00")] // Friday before the Spring Festival
    [InlineData("2026-02-24", "09:00-18:00")] // first day back
    [InlineData("2026-02-07", null)] // ordinary Saturday
    [InlineData("2026-02-08", null)] // ordinary Sunday
    [InlineData("2025-12-31", "09:00-18:00")]
    public void WorkingIntervalsOn_OrdinaryDay_FollowsWeek(string date, string? expected)
    {
        var intervals = Calendar.WorkingIntervalsOn(CalendarDate.ParseIso(date));

        if (expected is null)
        {
            Assert.Empty(intervals);
        }
        else
        {
            Assert.Equal(new[] { WorkingInterval.Parse(expected) }, intervals);
        }
    }

    [Theory]
    [InlineData(2025, 28, 5)]
    [InlineData(2026, 33, 6)]
    public void Schedule_OfficialNotice_HasPublishedNumberOfDays(int year, int daysOff, int makeUpDays)
    {
        var schedule = Calendar.Schedules.Single(s => s.Year == year);

        Assert.Equal(daysOff, schedule.Holidays.Sum(h => h.From.DaysUntil(h.To) + 1));
        Assert.Equal(makeUpDays, schedule.Workdays.Count);
        Assert.Contains("国务院办公厅", schedule.Source);
    }

    [Theory]
    [InlineData("2025-01-01T00:00:00+08:00", "2026-01-01T00:00:00+08:00", 248)]
    [InlineData("2026-01-01T00:00:00+08:00", "2027-01-01T00:00:00+08:00", 248)]
    public void WorkingTimeBetween_WholeYear_IsOfficialWorkingDaysTimesNineHours(string from, string to, int workingDays)
    {
        Assert.Equal(TimeSpan.FromHours(9 * workingDays), Calendar.WorkingTimeBetween(Iso.At(from), Iso.At(to)));
    }

    [Fact]
    public void Coverage_BuiltInData_Is2025And2026()
    {
        Assert.Equal(new[] { 2025, 2026 }, Calendar.CoveredYears);
        Assert.True(Calendar.ObservesPublicHolidays);
        Assert.False(Calendar.Covers(2024));
        Assert.False(Calendar.Covers(2027));
        Assert.Equal(TimeSpan.FromHours(8), Calendar.UtcOffset);
    }

    [Theory]
    [InlineData("2027-01-04")]
    [InlineData("2024-12-31")]
    public void WorkingIntervalsOn_UncoveredYear_ThrowsYearNotCovered(string date)
    {
        var ex = Assert.Throws<DomainException>(() => Calendar.WorkingIntervalsOn(CalendarDate.ParseIso(date)));

        Assert.Equal(CalendarErrorCodes.YearNotCovered, ex.Code);
        Assert.Contains("cn-workdays", ex.Message);
        Assert.Contains("没有", ex.Message);
        Assert.Contains("has no", ex.Message);
    }

    [Fact]
    public void Catalog_BuiltIn_HasBothCalendarsCaseInsensitively()
    {
        Assert.Same(BuiltInCalendars.ChinaWorkdays, BuiltInCalendars.Catalog.Get("CN-Workdays"));
        Assert.Same(BuiltInCalendars.TwentyFourSeven, BuiltInCalendars.Catalog.Get("24x7"));
        var ex = Assert.Throws<DomainException>(() => BuiltInCalendars.Catalog.Get("x"));
        Assert.Equal(CalendarErrorCodes.UnknownCalendar, ex.Code);
        Assert.StartsWith("未知的工作日历 'x'", ex.Message);
        Assert.Contains("Unknown business calendar 'x'", ex.Message);
    }
}
