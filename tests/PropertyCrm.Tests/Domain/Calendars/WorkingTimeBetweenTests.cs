using System;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Calendars;

namespace PropertyCrm.Tests.Domain.Calendars;

public sealed class WorkingTimeBetweenTests
{
    [Theory]
    [InlineData("2026-02-13T17:00:00+08:00", "2026-02-25T17:00:00+08:00", 1620)]
    [InlineData("2026-02-14T00:00:00+08:00", "2026-02-24T00:00:00+08:00", 540)] // only the 调休 Saturday
    [InlineData("2026-02-15T00:00:00+08:00", "2026-02-24T00:00:00+08:00", 0)] // the holiday itself
    [InlineData("2026-02-24T08:00:00+08:00", "2026-02-24T09:00:00+08:00", 0)]
    [InlineData("2026-02-24T17:59:00+08:00", "2026-02-24T18:01:00+08:00", 1)]
    [InlineData("2026-02-24T09:00:00+08:00", "2026-02-24T09:00:00+08:00", 0)]
    [InlineData("2026-02-25T17:00:00+08:00", "2026-02-13T17:00:00+08:00", -1620)] // reversed: negated
    [InlineData("2026-02-24T01:00:00Z", "2026-02-24T10:00:00+08:00", 60)] // mixed offsets
    [InlineData("2026-02-23T18:00:00-05:00", "2026-02-24T10:00:00+08:00", 60)]
    [InlineData("2026-02-06T18:00:00+08:00", "2026-02-09T09:00:00+08:00", 0)] // ordinary weekend
    [InlineData("2026-12-31T17:00:00+08:00", "2027-01-01T00:00:00+08:00", 60)] // ends at midnight: no 2027 data needed
    public void WorkingTimeBetween_ChinaWorkdays_CountsOnlyWorkingMinutes(string from, string to, int expectedMinutes)
    {
        var result = BuiltInCalendars.ChinaWorkdays.WorkingTimeBetween(Iso.At(from), Iso.At(to));

        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), result);
    }

    [Theory]
    [InlineData("2026-02-15T23:00:00+08:00", "2026-02-16T01:00:00+08:00", 120)]
    [InlineData("2026-01-01T00:00:00+08:00", "2027-01-01T00:00:00+08:00", 365 * 24 * 60)]
    public void WorkingTimeBetween_TwentyFourSeven_IsElapsedTime(string from, string to, int expectedMinutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), BuiltInCalendars.TwentyFourSeven.WorkingTimeBetween(Iso.At(from), Iso.At(to)));
    }

    [Fact]
    public void WorkingTimeBetween_SpanIntoUncoveredYear_ThrowsYearNotCovered()
    {
        var ex = Assert.Throws<DomainException>(
            () => BuiltInCalendars.ChinaWorkdays.WorkingTimeBetween(Iso.At("2026-12-31T17:00:00+08:00"), Iso.At("2027-01-04T10:00:00+08:00")));

        Assert.Equal(CalendarErrorCodes.YearNotCovered, ex.Code);
    }

    /// <summary>
    /// The two operations are inverses: the deadline has exactly the duration of working time before it, and it is
    /// the earliest such instant (one tick earlier has less). Checked over starts every 97 minutes through
    /// February-March 2026, which crosses the Spring Festival, two 调休 Saturdays, weekends and interval edges.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(120)]
    [InlineData(540)]
    [InlineData(1620)]
    [InlineData(4321)]
    public void AddWorkingTime_ThenWorkingTimeBetween_RoundTripsExactly(int minutes)
    {
        var calendar = BuiltInCalendars.ChinaWorkdays;
        var duration = TimeSpan.FromMinutes(minutes);
        for (var start = Iso.At("2026-02-01T00:00:00+08:00"); start < Iso.At("2026-03-31T00:00:00+08:00"); start = start.AddMinutes(97))
        {
            var deadline = calendar.AddWorkingTime(start, duration);

            Assert.Equal(duration, calendar.WorkingTimeBetween(start, deadline));
            Assert.True(calendar.WorkingTimeBetween(start, deadline.AddTicks(-1)) < duration, $"{Iso.Format(deadline)} is not the earliest for {Iso.Format(start)}");
        }
    }
}
