using System;
using System.Linq;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Calendars.Serialization;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Tests.Domain.Sla;

/// <summary>The zero-configuration defaults of a property service centre (issue 11), deadline by deadline.</summary>
public sealed class DefaultSlaPoliciesTests
{
    private const string MallHours = """
        { "name": "mall-hours", "utcOffset": "+08:00", "observesPublicHolidays": false,
          "week": { "monday": ["10:00-22:00"], "tuesday": ["10:00-22:00"], "wednesday": ["10:00-22:00"], "thursday": ["10:00-22:00"],
                    "friday": ["10:00-22:00"], "saturday": ["10:00-22:00"], "sunday": ["10:00-22:00"] } }
        """;

    /// <summary>Type, urgency, tier, logged at (Beijing), first response due + calendar, resolution due + calendar.</summary>
    public static TheoryData<RequestType, Urgency, string?, string, string, string, string, string> Deadlines => new()
    {
        // Friday 17:30 repair: answered by the 24-hour hotline at 18:00 the same evening, not on Monday;
        // resolved within 2 service days (24 h of 08:00-20:00, weekends worked): Sunday 17:30.
        { RequestType.Repair, Urgency.Normal, null, "2025-01-10T17:30+08:00", "2025-01-10T18:00:00+08:00", "24x7", "2025-01-12T17:30:00+08:00", "service-hours" },
        // 30 September repair: answered the same evening; the National Day holiday does not stop service hours.
        { RequestType.Repair, Urgency.Normal, null, "2025-09-30T19:00+08:00", "2025-09-30T19:30:00+08:00", "24x7", "2025-10-02T19:00:00+08:00", "service-hours" },
        // Logged at night: service hours start at 08:00, the response does not wait for them.
        { RequestType.Repair, Urgency.Normal, "diamond", "2025-01-10T23:00+08:00", "2025-01-10T23:30:00+08:00", "24x7", "2025-01-12T20:00:00+08:00", "service-hours" },
        // Complaint on 30 September: acknowledged in 30 min; the solution in 3 working days skips 国庆 1-8 October and
        // counts Saturday 11 October (调休 make-up working day): 8 h + 9 h + 9 h + 1 h.
        { RequestType.Complaint, Urgency.Normal, null, "2025-09-30T10:00+08:00", "2025-09-30T10:30:00+08:00", "24x7", "2025-10-11T10:00:00+08:00", "cn-workdays" },
        // Emergencies stay 30 min / 4 h around the clock, holidays included.
        { RequestType.Repair, Urgency.Emergency, null, "2025-10-01T03:00+08:00", "2025-10-01T03:30:00+08:00", "24x7", "2025-10-01T07:00:00+08:00", "24x7" },
        // Inquiry Friday 17:30: response that evening; the answer within 1 working day, Monday 17:30.
        { RequestType.Inquiry, Urgency.Normal, null, "2025-01-10T17:30+08:00", "2025-01-10T18:00:00+08:00", "24x7", "2025-01-13T17:30:00+08:00", "cn-workdays" },
        // Urgent on a Saturday: the response is still 30 min.
        { RequestType.Repair, Urgency.Urgent, null, "2025-01-11T10:00+08:00", "2025-01-11T10:30:00+08:00", "24x7", "2025-01-13T18:00:00+08:00", "cn-workdays" },
        // Anything else (payment) on Friday evening: 30 min response, 3 working days.
        { RequestType.Payment, Urgency.Normal, null, "2025-01-10T17:30+08:00", "2025-01-10T18:00:00+08:00", "24x7", "2025-01-15T17:30:00+08:00", "cn-workdays" },
    };

    [Theory]
    [MemberData(nameof(Deadlines))]
    public void For_DefaultPolicies_GivesServiceCentreDeadlines(
        RequestType type, Urgency urgency, string? tier, string loggedAt, string firstResponseDue, string firstResponseCalendar, string resolutionDue, string resolutionCalendar)
    {
        var plan = SlaPlan.For(DefaultSlaPolicies.Set, new SlaRequestFacts(type, null, urgency, tier), Iso.At(loggedAt), BuiltInCalendars.Catalog, null);

        // The on-site KPI that follows them for repairs, complaints and emergencies is pinned in OnSiteDefaultsTests.
        Assert.Equal(new[] { SlaKpi.FirstResponse, SlaKpi.Resolution }, plan.Select(p => p.Clock.Kpi).Take(2));
        Assert.Equal(Iso.At(firstResponseDue), plan[0].Clock.DueAt);
        Assert.Equal(firstResponseCalendar, plan[0].Clock.Calendar.Name);
        Assert.Equal(Iso.At(resolutionDue), plan[1].Clock.DueAt);
        Assert.Equal(resolutionCalendar, plan[1].Clock.Calendar.Name);
    }

    [Fact]
    public void For_EveryRequestType_FirstResponseIsThirtyMinutesAroundTheClock()
    {
        foreach (RequestType type in Enum.GetValues(typeof(RequestType)))
        {
            foreach (Urgency urgency in Enum.GetValues(typeof(Urgency)))
            {
                var target = DefaultSlaPolicies.Set.Get(new SlaRequestFacts(type, null, urgency), SlaKpi.FirstResponse).Target;

                Assert.Equal(TimeSpan.FromMinutes(30), target.Duration);
                Assert.Equal(BuiltInCalendars.TwentyFourSevenName, target.CalendarName);
            }
        }
    }

    [Fact]
    public void For_PropertyCalendar_ServiceHoursRunOnIt()
    {
        var mall = CalendarJson.ParseCalendar(MallHours);
        var calendars = BuiltInCalendars.Catalog.With(mall);

        var plan = SlaPlan.For(DefaultSlaPolicies.Set, new SlaRequestFacts(RequestType.Repair, null, Urgency.Normal), Iso.At("2025-01-10T17:30+08:00"), calendars, "MALL-HOURS");

        Assert.Equal("24x7", plan[0].Clock.Calendar.Name);
        Assert.Equal("mall-hours", plan[1].Clock.Calendar.Name);
        Assert.Equal("mall-hours", plan[1].Clock.Target.CalendarName);
        Assert.Equal(Iso.At("2025-01-12T17:30:00+08:00"), plan[1].Clock.DueAt);
    }

    [Theory]
    [InlineData(null, "service-hours")]
    [InlineData("  ", "service-hours")]
    [InlineData("no-such-calendar", "service-hours")]
    [InlineData("cn-workdays", "cn-workdays")]
    public void CalendarFor_PropertyColumn_NamesServiceHoursCalendar(string? propertyCalendar, string expected)
    {
        Assert.Equal(expected, PropertyServiceHours.CalendarFor(propertyCalendar, BuiltInCalendars.Catalog));
    }

    [Fact]
    public void ServiceHours_BuiltIn_EveryDayEightToEightHolidaysIncluded()
    {
        var hours = BuiltInCalendars.ServiceHours;

        Assert.Equal(Iso.At("2025-10-01T09:00:00+08:00"), hours.AddWorkingTime(Iso.At("2025-09-30T19:00+08:00"), TimeSpan.FromHours(2)));
        Assert.Equal(Iso.At("2026-02-17T20:00:00+08:00"), hours.AddWorkingTime(Iso.At("2026-02-17T08:00+08:00"), TimeSpan.FromHours(12)));
        Assert.Contains(hours, BuiltInCalendars.Catalog.Calendars);
        Assert.NotNull(BuiltInCalendars.Definition("service-hours"));
    }

    [Fact]
    public void Of_OwnerTier_IsLowerCaseCode()
    {
        Assert.Equal("diamond", SlaTierCodes.Of(PropertyCrm.Domain.Loyalty.Tiers.OwnerTier.Diamond));
        Assert.Equal("standard", SlaTierCodes.Of(PropertyCrm.Domain.Loyalty.Tiers.OwnerTier.Standard));
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaTierCodes.Of((PropertyCrm.Domain.Loyalty.Tiers.OwnerTier)9));
    }

    [Fact]
    public void For_UncoveredYear_RefusesWithBilingualMessage()
    {
        var refused = Assert.Throws<DomainException>(() => SlaPlan.For(
            DefaultSlaPolicies.Set, new SlaRequestFacts(RequestType.Complaint, null, Urgency.Normal), Iso.At("2027-03-01T10:00+08:00"), BuiltInCalendars.Catalog, null));

        Assert.Contains(" / ", refused.Message);
    }
}
