using System;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Calendars;

namespace PropertyCrm.Tests.Domain.Calendars;

public sealed class AddWorkingTimeTests
{
    [Theory]
    // Spring Festival 2026: Fri 13 Feb worked, Sat 14 Feb 调休 worked, 15-23 Feb off, Tue 24 Feb back.
    [InlineData("2026-02-13T17:00:00+08:00", 30, "2026-02-13T17:30:00+08:00")]
    [InlineData("2026-02-13T17:00:00+08:00", 60, "2026-02-13T18:00:00+08:00")] // ends exactly at an interval end: stays there
    [InlineData("2026-02-13T17:00:00+08:00", 90, "2026-02-14T09:30:00+08:00")] // 调休 Saturday is worked
    [InlineData("2026-02-13T17:00:00+08:00", 120, "2026-02-14T10:00:00+08:00")]
    [InlineData("2026-02-14T17:30:00+08:00", 30, "2026-02-14T18:00:00+08:00")]
    [InlineData("2026-02-14T17:30:00+08:00", 60, "2026-02-24T09:30:00+08:00")] // jumps the whole holiday
    [InlineData("2026-02-14T17:30:00+08:00", 120, "2026-02-24T10:30:00+08:00")]
    [InlineData("2026-02-13T17:00:00+08:00", 1620, "2026-02-25T17:00:00+08:00")] // 3 working days = 27 h
    [InlineData("2026-02-12T09:00:00+08:00", 1620, "2026-02-14T18:00:00+08:00")]
    [InlineData("2026-02-24T17:00:00+08:00", 1620, "2026-02-27T17:00:00+08:00")]
    [InlineData("2026-02-27T17:00:00+08:00", 60, "2026-02-27T18:00:00+08:00")]
    [InlineData("2026-02-27T17:00:00+08:00", 90, "2026-02-28T09:30:00+08:00")] // Sat 28 Feb 调休
    // Starts outside working hours roll forward.
    [InlineData("2026-02-16T10:00:00+08:00", 30, "2026-02-24T09:30:00+08:00")] // in the holiday
    [InlineData("2026-02-07T10:00:00+08:00", 30, "2026-02-09T09:30:00+08:00")] // ordinary Saturday
    [InlineData("2026-02-24T08:00:00+08:00", 30, "2026-02-24T09:30:00+08:00")] // before opening
    [InlineData("2026-02-24T18:00:00+08:00", 30, "2026-02-25T09:30:00+08:00")] // at closing: end is excluded
    [InlineData("2026-02-24T23:59:59.9999999+08:00", 1, "2026-02-25T09:01:00+08:00")]
    [InlineData("2026-02-24T09:00:00+08:00", 540, "2026-02-24T18:00:00+08:00")] // one full day stays on that day
    // Zero duration is the start itself, even outside hours.
    [InlineData("2026-02-15T03:00:00+08:00", 0, "2026-02-15T03:00:00+08:00")]
    // Other offsets in, calendar offset out.
    [InlineData("2026-02-13T09:00:00Z", 30, "2026-02-13T17:30:00+08:00")]
    [InlineData("2026-02-12T20:00:00-05:00", 60, "2026-02-13T10:00:00+08:00")]
    // Other 2026 holidays and 调休.
    [InlineData("2025-12-31T17:00:00+08:00", 120, "2026-01-04T10:00:00+08:00")] // New Year 1-3 Jan off, Sun 4 Jan worked
    [InlineData("2026-04-30T17:00:00+08:00", 120, "2026-05-06T10:00:00+08:00")] // Labour Day 1-5 May
    [InlineData("2026-05-08T17:00:00+08:00", 120, "2026-05-09T10:00:00+08:00")] // Sat 9 May 调休
    [InlineData("2026-09-19T10:00:00+08:00", 30, "2026-09-20T09:30:00+08:00")] // Sat off, Sun 20 Sep 调休
    [InlineData("2026-09-24T17:00:00+08:00", 120, "2026-09-28T10:00:00+08:00")] // Mid-Autumn 25-27 Sep
    [InlineData("2026-09-30T17:00:00+08:00", 120, "2026-10-08T10:00:00+08:00")] // National Day 1-7 Oct
    [InlineData("2026-10-09T17:00:00+08:00", 120, "2026-10-10T10:00:00+08:00")] // Sat 10 Oct 调休
    // 2025.
    [InlineData("2025-01-27T17:00:00+08:00", 120, "2025-02-05T10:00:00+08:00")] // Spring Festival 28 Jan-4 Feb
    [InlineData("2025-01-25T10:00:00+08:00", 30, "2025-01-26T09:30:00+08:00")] // Sun 26 Jan 调休
    [InlineData("2025-09-30T17:00:00+08:00", 120, "2025-10-09T10:00:00+08:00")] // 1-8 Oct
    [InlineData("2025-09-27T10:00:00+08:00", 30, "2025-09-28T09:30:00+08:00")] // Sun 28 Sep 调休
    public void AddWorkingTime_ChinaWorkdays_ReturnsExpectedDeadline(string start, int minutes, string expected)
    {
        var result = BuiltInCalendars.ChinaWorkdays.AddWorkingTime(Iso.At(start), TimeSpan.FromMinutes(minutes));

        Assert.Equal(expected, Iso.Format(result));
        Assert.Equal(TimeSpan.FromHours(8), result.Offset);
    }

    [Theory]
    [InlineData("2026-02-15T23:50:00+08:00", 30, "2026-02-16T00:20:00+08:00")] // holidays do not matter
    [InlineData("2026-02-15T16:00:00Z", 30, "2026-02-16T00:30:00+08:00")]
    [InlineData("2026-02-15T23:00:00+08:00", 60, "2026-02-16T00:00:00+08:00")] // midnight joins two days seamlessly
    [InlineData("2030-06-01T12:00:00+08:00", 60, "2030-06-01T13:00:00+08:00")] // covers every year
    [InlineData("2026-02-13T17:00:00+08:00", 1620, "2026-02-14T20:00:00+08:00")]
    public void AddWorkingTime_TwentyFourSeven_IsWallClockTime(string start, int minutes, string expected)
    {
        var result = BuiltInCalendars.TwentyFourSeven.AddWorkingTime(Iso.At(start), TimeSpan.FromMinutes(minutes));

        Assert.Equal(expected, Iso.Format(result));
    }

    [Theory]
    [InlineData("2026-12-31T17:00:00+08:00", 120)] // would need 2027
    [InlineData("2024-12-31T10:00:00+08:00", 30)] // starts in 2024
    [InlineData("2026-12-31T18:00:00+08:00", 1)]
    public void AddWorkingTime_UncoveredYear_ThrowsYearNotCovered(string start, int minutes)
    {
        var ex = Assert.Throws<DomainException>(
            () => BuiltInCalendars.ChinaWorkdays.AddWorkingTime(Iso.At(start), TimeSpan.FromMinutes(minutes)));

        Assert.Equal(CalendarErrorCodes.YearNotCovered, ex.Code);
    }

    [Fact]
    public void AddWorkingTime_NegativeDuration_ThrowsNamingParameter()
    {
        var ex = Assert.Throws<DomainException>(
            () => BuiltInCalendars.TwentyFourSeven.AddWorkingTime(Iso.At("2026-02-13T17:00:00+08:00"), TimeSpan.FromMinutes(-1)));

        Assert.Equal(CalendarErrorCodes.NegativeDuration, ex.Code);
        Assert.Contains("duration", ex.Message);
    }

    [Fact]
    public void AddWorkingTime_BeyondYear9999_ThrowsOutOfRange()
    {
        var ex = Assert.Throws<DomainException>(
            () => BuiltInCalendars.TwentyFourSeven.AddWorkingTime(Iso.At("9999-12-31T12:00:00+08:00"), TimeSpan.FromDays(2)));

        Assert.Equal(CalendarErrorCodes.OutOfRange, ex.Code);
    }

    [Fact]
    public void AddWorkingTime_SubMinuteInputs_IsExactToTheTick()
    {
        var start = Iso.At("2026-02-13T17:59:59.9999999+08:00");

        var result = BuiltInCalendars.ChinaWorkdays.AddWorkingTime(start, TimeSpan.FromTicks(2));

        Assert.Equal("2026-02-14T09:00:00.0000001+08:00", Iso.Format(result));
    }

    [Theory]
    [InlineData("2026-02-13T12:00:00+08:00", "2026-02-13T12:00:00+08:00")]
    [InlineData("2026-02-13T18:00:00+08:00", "2026-02-14T09:00:00+08:00")]
    [InlineData("2026-02-15T10:00:00+08:00", "2026-02-24T09:00:00+08:00")]
    [InlineData("2026-02-24T00:59:00Z", "2026-02-24T09:00:00+08:00")]
    public void NextWorkingInstant_ChinaWorkdays_RollsForwardOnlyOutsideHours(string instant, string expected)
    {
        Assert.Equal(expected, Iso.Format(BuiltInCalendars.ChinaWorkdays.NextWorkingInstant(Iso.At(instant))));
    }

    [Theory]
    [InlineData("2026-02-13T09:00:00+08:00", true)]
    [InlineData("2026-02-13T17:59:59+08:00", true)]
    [InlineData("2026-02-13T18:00:00+08:00", false)]
    [InlineData("2026-02-13T08:59:59+08:00", false)]
    [InlineData("2026-02-14T10:00:00+08:00", true)]
    [InlineData("2026-02-16T10:00:00+08:00", false)]
    public void IsWorkingInstant_ChinaWorkdays_HalfOpenIntervals(string instant, bool expected)
    {
        Assert.Equal(expected, BuiltInCalendars.ChinaWorkdays.IsWorkingInstant(Iso.At(instant)));
    }
}
