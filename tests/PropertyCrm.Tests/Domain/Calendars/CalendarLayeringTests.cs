using System;
using System.Linq;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Calendars.Serialization;

namespace PropertyCrm.Tests.Domain.Calendars;

public sealed class CalendarLayeringTests
{
    /// <summary>cn-workdays with a (made-up, for the test) 2027 schedule: New Year's Day Friday 1 January 2027 off.</summary>
    internal const string ChinaWorkdays2027 = """
        {
          "name": "cn-workdays",
          "utcOffset": "+08:00",
          "week": {
            "monday": ["09:00-18:00"], "tuesday": ["09:00-18:00"], "wednesday": ["09:00-18:00"],
            "thursday": ["09:00-18:00"], "friday": ["09:00-18:00"]
          },
          "makeUpDayHours": ["09:00-18:00"],
          "years": [
            { "year": 2027, "source": "测试 test", "holidays": [ { "name": "元旦", "from": "2027-01-01" } ] }
          ]
        }
        """;

    [Fact]
    public void Compose_BuiltInNameWithNewYear_AddsTheYearAndKeepsTheOthers()
    {
        var catalog = CalendarLayering.Compose(BuiltInCalendars.Catalog, new[] { CalendarJson.ParseCalendar(ChinaWorkdays2027) });

        var calendar = catalog.Get("cn-workdays");
        Assert.Equal(new[] { 2025, 2026, 2027 }, calendar.CoveredYears);
        // Thu 31 Dec 2026 17:00 + 2 working hours: 1 h that day, Fri 1 Jan is 元旦, so Mon 4 Jan 10:00.
        Assert.Equal(Iso.At("2027-01-04T10:00+08:00"), calendar.AddWorkingTime(Iso.At("2026-12-31T17:00+08:00"), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Compose_BuiltInNameWithSameYear_ReplacesThatYear()
    {
        var corrected = ChinaWorkdays2027.Replace("\"year\": 2027", "\"year\": 2026").Replace("2027-01-01", "2026-03-02");

        var calendar = CalendarLayering.Compose(BuiltInCalendars.Catalog, new[] { CalendarJson.ParseCalendar(corrected) }).Get("cn-workdays");

        Assert.Equal(new[] { 2025, 2026 }, calendar.CoveredYears);
        Assert.False(calendar.IsWorkingInstant(Iso.At("2026-03-02T10:00+08:00")));
        // The replaced 2026 schedule no longer has the Spring Festival.
        Assert.True(calendar.IsWorkingInstant(Iso.At("2026-02-17T10:00+08:00")));
    }

    [Theory]
    [InlineData("\"friday\": [\"09:00-18:00\"]", "\"friday\": [\"09:00-17:00\"]", "weekly hours")]
    [InlineData("\"utcOffset\": \"+08:00\"", "\"utcOffset\": \"+09:00\"", "UTC offset")]
    [InlineData("\"makeUpDayHours\": [\"09:00-18:00\"]", "\"makeUpDayHours\": [\"09:00-12:00\"]", "make-up day hours")]
    public void Compose_BuiltInNameChangingMoreThanYears_RefusedNamingWhat(string original, string changed, string what)
    {
        var extension = CalendarJson.ParseCalendar(ChinaWorkdays2027.Replace(original, changed));

        var refused = Assert.Throws<DomainException>(() => CalendarLayering.Compose(BuiltInCalendars.Catalog, new[] { extension }));

        Assert.Equal(CalendarErrorCodes.InvalidCalendar, refused.Code);
        Assert.Contains(what, refused.Message, StringComparison.Ordinal);
        Assert.Contains("新的日历名称", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_NewName_AddedBesideTheBuiltIns()
    {
        var mall = CalendarJson.ParseCalendar(ChinaWorkdays2027.Replace("\"cn-workdays\"", "\"mall\""));

        var catalog = CalendarLayering.Compose(BuiltInCalendars.Catalog, new[] { mall });

        Assert.Equal(new[] { "24x7", "cn-workdays", "mall", "service-hours" }, catalog.Calendars.Select(c => c.Name));
        Assert.Equal(new[] { 2027 }, catalog.Get("MALL").CoveredYears);
    }

    [Fact]
    public void Compose_TwoRowsSameName_Refused()
    {
        var mall = CalendarJson.ParseCalendar(ChinaWorkdays2027.Replace("\"cn-workdays\"", "\"mall\""));

        Assert.Throws<DomainException>(() => CalendarLayering.Compose(BuiltInCalendars.Catalog, new[] { mall, mall }));
    }
}
