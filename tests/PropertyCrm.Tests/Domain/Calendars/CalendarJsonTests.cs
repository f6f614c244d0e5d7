using System;
using System.Linq;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Calendars.Serialization;

namespace PropertyCrm.Tests.Domain.Calendars;

public sealed class CalendarJsonTests
{
    private const string Schedule2027 = """
        {
          "year": 2027,
          "source": "hypothetical test data",
          "holidays": [
            { "name": "元旦", "from": "2027-01-01" },
            { "name": "春节", "from": "2027-02-05", "to": "2027-02-11" }
          ],
          "workdays": [
            { "date": "2027-02-13", "name": "春节" },
            { "date": "2027-02-14", "name": "春节", "hours": ["09:00-12:00"] }
          ]
        }
        """;

    [Fact]
    public void ParseSchedule_ValidDocument_ReadsEveryField()
    {
        var schedule = CalendarJson.ParseSchedule(Schedule2027);

        Assert.Equal(2027, schedule.Year);
        Assert.Equal("hypothetical test data", schedule.Source);
        Assert.Equal(new[] { "元旦", "春节" }, schedule.Holidays.Select(h => h.Name));
        Assert.Equal(schedule.Holidays[0].From, schedule.Holidays[0].To); // "to" defaults to "from"
        Assert.Equal(7, schedule.Holidays[1].Days().Count());
        Assert.Null(schedule.Workdays[0].Hours);
        Assert.Equal(new[] { WorkingInterval.Parse("09:00-12:00") }, schedule.Workdays[1].Hours);
    }

    [Fact]
    public void ParseCalendar_LunchBreakAndOwnWorkdayHours_AppliesThem()
    {
        var calendar = CalendarJson.ParseCalendar($$"""
            {
              "name": "property-a",
              "week": {
                "monday": ["08:30-12:00", "13:30-17:30"],
                "tuesday": ["08:30-12:00", "13:30-17:30"],
                "wednesday": ["08:30-12:00", "13:30-17:30"],
                "thursday": ["08:30-12:00", "13:30-17:30"],
                "friday": ["08:30-12:00", "13:30-17:30"]
              },
              "makeUpDayHours": ["08:30-12:00", "13:30-17:30"],
              "years": [ {{Schedule2027}} ]
            }
            """);

        Assert.Equal(TimeSpan.FromHours(8), calendar.UtcOffset); // default offset
        Assert.True(calendar.ObservesPublicHolidays); // default
        Assert.Equal(new[] { 2027 }, calendar.CoveredYears);
        Assert.Equal(2, calendar.WorkingIntervalsOn(CalendarDate.ParseIso("2027-02-13")).Count); // make-up day hours
        Assert.Single(calendar.WorkingIntervalsOn(CalendarDate.ParseIso("2027-02-14"))); // its own hours
        Assert.Equal(TimeSpan.FromMinutes(7.5 * 60 * 5), calendar.WeeklyHours.TotalPerWeek);
    }

    [Theory]
    [InlineData("""{ "year": 2027, "holidays": [ { "name": "x", "from": "2027-01-01" } ] """, CalendarErrorCodes.InvalidJson, "line 1")]
    [InlineData("""{ "year": 2027, "holidays": [], }""", CalendarErrorCodes.InvalidJson, "expected a property name")]
    [InlineData("""{ "year": 2027, "year": 2028 }""", CalendarErrorCodes.InvalidJson, "duplicate property 'year'")]
    [InlineData("""{ "year": "2027" }""", CalendarErrorCodes.InvalidJson, "$.year")]
    [InlineData("""{ "holidays": [] }""", CalendarErrorCodes.InvalidJson, "missing required property 'year'")]
    [InlineData("""{ "year": 2027, "holiday": [] }""", CalendarErrorCodes.InvalidJson, "unknown property 'holiday'")]
    [InlineData("""{ "year": 2027, "holidays": [ { "name": "x", "from": "2027-02-30" } ] }""", CalendarErrorCodes.InvalidJson, "$.holidays[0].from")]
    [InlineData("""{ "year": 2027, "holidays": [ { "name": "x", "from": "2027-02-05", "to": "2027-02-01" } ] }""", CalendarErrorCodes.InvalidSchedule, "$.holidays[0]")]
    [InlineData("""{ "year": 2027, "holidays": [ { "name": "x", "from": "2026-06-01" } ] }""", CalendarErrorCodes.InvalidSchedule, "outside the year")]
    [InlineData(
        """{ "year": 2027, "holidays": [ { "name": "a", "from": "2027-02-01", "to": "2027-02-03" }, { "name": "b", "from": "2027-02-03" } ] }""",
        CalendarErrorCodes.InvalidSchedule,
        "belongs to both")]
    [InlineData(
        """{ "year": 2027, "holidays": [ { "name": "x", "from": "2027-02-01" } ], "workdays": [ { "date": "2027-02-01", "name": "x" } ] }""",
        CalendarErrorCodes.InvalidSchedule,
        "both a day off")]
    [InlineData(
        """{ "year": 2027, "workdays": [ { "date": "2027-02-06", "name": "x" }, { "date": "2027-02-06", "name": "y" } ] }""",
        CalendarErrorCodes.InvalidSchedule,
        "listed twice")]
    [InlineData("""{ "year": 2027, "workdays": [ { "date": "2027-02-06", "name": "x", "hours": ["9-18"] } ] }""", CalendarErrorCodes.InvalidInterval, "$.workdays[0].hours[0]")]
    [InlineData("""{ "year": 2027, "holidays": [ { "name": "", "from": "2027-02-01" } ] }""", CalendarErrorCodes.InvalidSchedule, "must not be empty")]
    [InlineData("// comment\n{ \"year\": 2027 }", CalendarErrorCodes.InvalidJson, "line 1, column 1")]
    public void ParseSchedule_InvalidDocument_ThrowsWithCodeAndLocation(string json, string code, string messagePart)
    {
        var ex = Assert.Throws<DomainException>(() => CalendarJson.ParseSchedule(json));

        Assert.Equal(code, ex.Code);
        Assert.Contains(messagePart, ex.Message);
        Assert.Contains(" / ", ex.Message); // Chinese, then English
    }

    [Theory]
    [InlineData("""{ "name": "x", "week": {} }""", CalendarErrorCodes.InvalidCalendar, "at least one working interval")]
    [InlineData("""{ "name": "x", "week": { "monday": ["09:00-18:00", "12:00-14:00"] } }""", CalendarErrorCodes.InvalidInterval, "overlap")]
    [InlineData("""{ "name": "x", "week": { "mon": ["09:00-18:00"] } }""", CalendarErrorCodes.InvalidJson, "unknown property 'mon'")]
    [InlineData("""{ "name": "x", "utcOffset": "+8", "week": { "monday": ["09:00-18:00"] } }""", CalendarErrorCodes.InvalidJson, "±HH:mm")]
    [InlineData("""{ "name": "x", "utcOffset": "+15:00", "week": { "monday": ["09:00-18:00"] } }""", CalendarErrorCodes.InvalidCalendar, "±14:00")]
    [InlineData(
        """{ "name": "x", "observesPublicHolidays": false, "week": { "monday": ["09:00-18:00"] }, "years": [ { "year": 2027 } ] }""",
        CalendarErrorCodes.InvalidCalendar,
        "cannot carry holiday schedules")]
    [InlineData("""{ "name": "x", "week": { "monday": ["09:00-18:00"] }, "years": [ { "year": 2027 }, { "year": 2027 } ] }""", CalendarErrorCodes.InvalidCalendar, "given twice")]
    [InlineData(
        """{ "name": "x", "week": { "monday": ["09:00-18:00"] }, "years": [ { "year": 2027, "workdays": [ { "date": "2027-02-06", "name": "x" } ] } ] }""",
        CalendarErrorCodes.InvalidCalendar,
        "no make-up day hours")]
    [InlineData("""{ "week": { "monday": ["09:00-18:00"] } }""", CalendarErrorCodes.InvalidJson, "missing required property 'name'")]
    [InlineData("""[]""", CalendarErrorCodes.InvalidJson, "expected an object")]
    public void ParseCalendar_InvalidDocument_ThrowsWithCodeAndLocation(string json, string code, string messagePart)
    {
        var ex = Assert.Throws<DomainException>(() => CalendarJson.ParseCalendar(json));

        Assert.Equal(code, ex.Code);
        Assert.Contains(messagePart, ex.Message);
    }

    [Fact]
    public void ParseCalendar_HolidayCalendarWithoutYears_RefusesEveryComputation()
    {
        // observesPublicHolidays defaults to true: forgetting the years must not mean "no holidays".
        var calendar = CalendarJson.ParseCalendar("""{ "name": "x", "week": { "monday": ["09:00-18:00"] } }""");

        var ex = Assert.Throws<DomainException>(() => calendar.AddWorkingTime(Iso.At("2026-03-02T09:00:00+08:00"), TimeSpan.FromMinutes(1)));

        Assert.Equal(CalendarErrorCodes.YearNotCovered, ex.Code);
        Assert.Contains("无 / none", ex.Message);
    }

    [Fact]
    public void ParseCalendar_EscapesAndUnicode_AreDecoded()
    {
        var calendar = CalendarJson.ParseCalendar("""{ "name": "a\"b\u4e2d", "observesPublicHolidays": false, "week": { "sunday": ["00:00-24:00"] } }""");

        Assert.Equal("a\"b中", calendar.Name);
    }
}
