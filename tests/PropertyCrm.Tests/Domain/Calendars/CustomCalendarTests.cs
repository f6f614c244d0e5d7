using System;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Calendars.Serialization;

namespace PropertyCrm.Tests.Domain.Calendars;

/// <summary>Calendars other than the built-ins: several intervals a day and fixed offsets other than +08:00.</summary>
public sealed class CustomCalendarTests
{
    private static readonly BusinessCalendar LunchBreak = CalendarJson.ParseCalendar("""
        {
          "name": "lunch-break",
          "observesPublicHolidays": false,
          "week": {
            "monday": ["08:30-12:00", "13:30-17:30"],
            "tuesday": ["08:30-12:00", "13:30-17:30"],
            "wednesday": ["08:30-12:00", "13:30-17:30"],
            "thursday": ["08:30-12:00", "13:30-17:30"],
            "friday": ["08:30-12:00", "13:30-17:30"],
            "saturday": ["09:00-12:00"]
          }
        }
        """);

    // Fixed -05:00 all year: it does NOT follow US daylight saving (8 Mar 2026), by design.
    private static readonly BusinessCalendar MinusFive = CalendarJson.ParseCalendar("""
        { "name": "minus-five", "utcOffset": "-05:00", "observesPublicHolidays": false,
          "week": { "monday": ["09:00-17:00"], "tuesday": ["09:00-17:00"], "wednesday": ["09:00-17:00"], "thursday": ["09:00-17:00"], "friday": ["09:00-17:00"] } }
        """);

    private static readonly BusinessCalendar PlusFiveThirty = CalendarJson.ParseCalendar("""
        { "name": "plus-five-thirty", "utcOffset": "+05:30", "observesPublicHolidays": false,
          "week": { "monday": ["09:00-17:00"], "tuesday": ["09:00-17:00"], "wednesday": ["09:00-17:00"], "thursday": ["09:00-17:00"], "friday": ["09:00-17:00"] } }
        """);

    [Theory]
    [InlineData("2026-03-02T11:30:00+08:00", 30, "2026-03-02T12:00:00+08:00")] // stays at the morning's end
    [InlineData("2026-03-02T11:30:00+08:00", 60, "2026-03-02T14:00:00+08:00")] // skips lunch
    [InlineData("2026-03-02T12:15:00+08:00", 30, "2026-03-02T14:00:00+08:00")] // starts in lunch
    [InlineData("2026-03-02T08:30:00+08:00", 450, "2026-03-02T17:30:00+08:00")] // whole day 7.5 h
    [InlineData("2026-03-06T17:00:00+08:00", 60, "2026-03-07T09:30:00+08:00")] // Saturday morning
    [InlineData("2026-03-07T11:00:00+08:00", 120, "2026-03-09T09:30:00+08:00")] // Sunday closed
    public void AddWorkingTime_SeveralIntervalsPerDay_SkipsTheGaps(string start, int minutes, string expected)
    {
        Assert.Equal(expected, Iso.Format(LunchBreak.AddWorkingTime(Iso.At(start), TimeSpan.FromMinutes(minutes))));
    }

    [Theory]
    [InlineData("2026-03-02T11:00:00+08:00", "2026-03-02T14:00:00+08:00", 90)]
    [InlineData("2026-03-06T17:00:00+08:00", "2026-03-09T09:00:00+08:00", 240)]
    public void WorkingTimeBetween_SeveralIntervalsPerDay_SumsOverlaps(string from, string to, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), LunchBreak.WorkingTimeBetween(Iso.At(from), Iso.At(to)));
    }

    [Theory]
    [InlineData("2026-03-06T21:30:00+08:00", 60, "2026-03-06T10:00:00-05:00")] // 08:30 local Friday
    [InlineData("2026-03-06T16:30:00-05:00", 60, "2026-03-09T09:30:00-05:00")] // over the weekend
    [InlineData("2026-03-09T09:00:00-04:00", 30, "2026-03-09T09:30:00-05:00")] // a DST-style input is just another instant: 08:00 at -05:00
    public void AddWorkingTime_NegativeOffset_ComputesInCalendarOffsetWithoutDst(string start, int minutes, string expected)
    {
        var result = MinusFive.AddWorkingTime(Iso.At(start), TimeSpan.FromMinutes(minutes));

        Assert.Equal(expected, Iso.Format(result));
        Assert.Equal(TimeSpan.FromHours(-5), result.Offset);
    }

    [Theory]
    [InlineData("2026-03-02T03:30:00Z", 30, "2026-03-02T09:30:00+05:30")]
    [InlineData("2026-03-02T11:00:00Z", 60, "2026-03-03T09:30:00+05:30")] // 16:30 local: 30 min today, 30 tomorrow
    public void AddWorkingTime_HalfHourOffset_ComputesInCalendarOffset(string start, int minutes, string expected)
    {
        Assert.Equal(expected, Iso.Format(PlusFiveThirty.AddWorkingTime(Iso.At(start), TimeSpan.FromMinutes(minutes))));
    }

    [Fact]
    public void Catalog_With_AddsOrReplacesByName()
    {
        var catalog = BuiltInCalendars.Catalog.With(LunchBreak);

        Assert.Same(LunchBreak, catalog.Get("LUNCH-BREAK"));
        Assert.Equal(4, catalog.Calendars.Count);
        Assert.Equal(3, BuiltInCalendars.Catalog.Calendars.Count); // the original is untouched
    }

    [Fact]
    public void WithSchedules_NextYearsNotice_ExtendsCoverageKeepingTheWeek()
    {
        var schedule2027 = CalendarJson.ParseSchedule("""
            { "year": 2027, "holidays": [ { "name": "元旦", "from": "2027-01-01" } ], "workdays": [] }
            """);

        var extended = BuiltInCalendars.ChinaWorkdays.WithSchedules(new[] { schedule2027 });

        Assert.Equal(new[] { 2025, 2026, 2027 }, extended.CoveredYears);
        Assert.Equal("2027-01-04T09:30:00+08:00", Iso.Format(extended.AddWorkingTime(Iso.At("2026-12-31T17:30:00+08:00"), TimeSpan.FromHours(1))));
        Assert.Equal(new[] { 2025, 2026 }, BuiltInCalendars.ChinaWorkdays.CoveredYears); // built-in untouched
    }

    [Fact]
    public void WithSchedules_SameYear_ReplacesThatYear()
    {
        var corrected2026 = CalendarJson.ParseSchedule("""{ "year": 2026, "holidays": [ { "name": "test", "from": "2026-03-02" } ] }""");

        var replaced = BuiltInCalendars.ChinaWorkdays.WithSchedules(new[] { corrected2026 });

        Assert.Empty(replaced.WorkingIntervalsOn(CalendarDate.ParseIso("2026-03-02")));
        Assert.Single(replaced.WorkingIntervalsOn(CalendarDate.ParseIso("2026-02-16"))); // the old 2026 holidays are gone
        Assert.Equal(new[] { 2025, 2026 }, replaced.CoveredYears);
    }
}
