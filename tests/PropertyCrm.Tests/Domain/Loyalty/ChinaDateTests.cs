using System;
using PropertyCrm.Domain.Loyalty;
using static PropertyCrm.Tests.Domain.Loyalty.LoyaltyFixtures;

namespace PropertyCrm.Tests.Domain.Loyalty;

public sealed class ChinaDateTests
{
    [Theory]
    [InlineData("2026-03-31T15:59:59Z", "2026-03-31")]
    [InlineData("2026-03-31T16:00:00Z", "2026-04-01")]
    [InlineData("2026-04-01T00:00:00+08:00", "2026-04-01")]
    [InlineData("2026-03-31T23:59:59+08:00", "2026-03-31")]
    [InlineData("2026-03-31T11:00:00-05:00", "2026-04-01")]
    public void FromInstant_AnyOffset_GivesTheDateOnAChinaClock(string instant, string expected)
    {
        Assert.Equal(D(expected), ChinaDate.FromInstant(Iso.At(instant)));
    }

    [Theory]
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2024-01-31", 1, "2024-02-29")]
    [InlineData("2026-03-31", -1, "2026-02-28")]
    [InlineData("2026-06-30", -12, "2025-06-30")]
    public void AddMonths_DayMissingInTargetMonth_ClampsToLastDay(string start, int months, string expected)
    {
        Assert.Equal(D(expected), D(start).AddMonths(months));
    }

    [Fact]
    public void EndInstant_AnyDate_IsNextMidnightInChina()
    {
        Assert.Equal(Iso.At("2029-01-01T00:00:00+08:00"), D("2028-12-31").EndInstant);
        Assert.Equal(Iso.At("2028-12-31T16:00:00Z"), D("2028-12-31").EndInstant);
    }

    [Theory]
    [InlineData("2026-3-05")]
    [InlineData("2026-02-30")]
    [InlineData("05/03/2026")]
    public void Parse_NotIsoDate_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => ChinaDate.Parse(text));
    }

    [Theory]
    [InlineData("2026-01", "2026-03", 2)]
    [InlineData("2025-12", "2026-01", 1)]
    [InlineData("2026-03", "2026-01", -2)]
    public void MonthsUntil_TwoMonths_CountsCalendarMonths(string from, string to, int expected)
    {
        Assert.Equal(expected, YearMonth.Parse(from).MonthsUntil(YearMonth.Parse(to)));
    }

    [Theory]
    [InlineData("2026-02", "2026-02-28")]
    [InlineData("2028-02", "2028-02-29")]
    [InlineData("2026-12", "2026-12-31")]
    public void LastDay_Month_IsItsLastCalendarDay(string month, string expected)
    {
        Assert.Equal(D(expected), YearMonth.Parse(month).LastDay);
    }
}
