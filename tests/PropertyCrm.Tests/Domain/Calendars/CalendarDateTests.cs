using System;
using PropertyCrm.Domain.Calendars;

namespace PropertyCrm.Tests.Domain.Calendars;

public sealed class CalendarDateTests
{
    [Theory]
    [InlineData("2026-02-14", DayOfWeek.Saturday)]
    [InlineData("2026-02-15", DayOfWeek.Sunday)]
    [InlineData("2026-02-24", DayOfWeek.Tuesday)]
    [InlineData("2025-01-01", DayOfWeek.Wednesday)]
    [InlineData("0001-01-01", DayOfWeek.Monday)]
    [InlineData("9999-12-31", DayOfWeek.Friday)]
    public void DayOfWeek_KnownDates_MatchesGregorianCalendar(string text, DayOfWeek expected)
    {
        Assert.Equal(expected, CalendarDate.ParseIso(text).DayOfWeek);
    }

    [Theory]
    [InlineData("2026-2-14")]
    [InlineData("2026-02-30")]
    [InlineData("2026/02/14")]
    [InlineData("2026-02-14T00:00")]
    [InlineData("")]
    public void TryParseIso_NotStrictIsoDate_ReturnsFalse(string text)
    {
        Assert.False(CalendarDate.TryParseIso(text, out _));
    }

    [Fact]
    public void AddDays_AcrossMonthAndYear_CountsWholeDays()
    {
        var date = new CalendarDate(2025, 12, 31);

        Assert.Equal("2026-01-01", date.AddDays(1).ToString());
        Assert.Equal("2026-03-01", new CalendarDate(2026, 2, 28).AddDays(1).ToString());
        Assert.Equal(55, date.DaysUntil(new CalendarDate(2026, 2, 24)));
    }

    [Fact]
    public void AddDays_PastYear9999_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CalendarDate(9999, 12, 31).AddDays(1));
    }
}
