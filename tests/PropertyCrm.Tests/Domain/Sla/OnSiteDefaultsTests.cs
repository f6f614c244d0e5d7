using System;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.ServiceRequests;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Tests.Domain.Sla;

/// <summary>The on-site / initial handling KPI (到场/初步处理, issue 11): its defaults and how a request's clock completes.</summary>
public sealed class OnSiteDefaultsTests
{
    private static readonly SlaRequestFacts Repair = new(RequestType.Repair, ServiceLine.Maintenance, Urgency.Normal);

    /// <summary>Type, urgency, tier, logged at (Beijing), on-site due, calendar, policy.</summary>
    public static TheoryData<RequestType, Urgency, string?, string, string, string, string> OnSite => new()
    {
        // Friday 19:30 repair: 30 min of service hours that evening, the other 90 min from 08:00 Saturday (service
        // centres work weekends): 09:30 Saturday.
        { RequestType.Repair, Urgency.Normal, null, "2025-01-10T19:30+08:00", "2025-01-11T09:30:00+08:00", "service-hours", "报修 repair" },
        // Friday 17:30 repair: within the evening's service hours.
        { RequestType.Repair, Urgency.Normal, null, "2025-01-10T17:30+08:00", "2025-01-10T19:30:00+08:00", "service-hours", "报修 repair" },
        // Emergency at night: 30 min around the clock.
        { RequestType.Repair, Urgency.Emergency, null, "2025-01-10T23:00+08:00", "2025-01-10T23:30:00+08:00", "24x7", "紧急 emergency" },
        // Emergencies of any type, on a holiday.
        { RequestType.Help, Urgency.Emergency, null, "2025-10-01T03:00+08:00", "2025-10-01T03:30:00+08:00", "24x7", "紧急 emergency" },
        // Diamond owner's repair: 1 h of service hours (30 min Friday evening, 30 min Saturday morning).
        { RequestType.Repair, Urgency.Normal, "diamond", "2025-01-10T19:30+08:00", "2025-01-11T08:30:00+08:00", "service-hours", "钻石 diamond repair" },
        // A Diamond owner's emergency is still the emergency's 30 min 24x7 (urgency beats tier).
        { RequestType.Repair, Urgency.Emergency, "diamond", "2025-01-10T23:00+08:00", "2025-01-10T23:30:00+08:00", "24x7", "紧急 emergency" },
        // Complaint: initial handling (初步处理) within 24 h around the clock, 国庆 included.
        { RequestType.Complaint, Urgency.Normal, null, "2025-09-30T10:00+08:00", "2025-10-01T10:00:00+08:00", "24x7", "投诉 complaint" },
        // Urgent repair: the urgent policy sets no on-site target, the repair's 2 h applies.
        { RequestType.Repair, Urgency.Urgent, null, "2025-01-10T19:30+08:00", "2025-01-11T09:30:00+08:00", "service-hours", "报修 repair" },
    };

    [Theory]
    [MemberData(nameof(OnSite))]
    public void For_DefaultPolicies_GivesOnSiteDeadline(RequestType type, Urgency urgency, string? tier, string loggedAt, string due, string calendar, string policy)
    {
        var plan = SlaPlan.For(DefaultSlaPolicies.Set, new SlaRequestFacts(type, null, urgency, tier), Iso.At(loggedAt), BuiltInCalendars.Catalog, null);

        var onSite = Assert.Single(plan, p => p.Clock.Kpi == SlaKpi.OnSite);
        Assert.Equal(Iso.At(due), onSite.Clock.DueAt);
        Assert.Equal(calendar, onSite.Clock.Calendar.Name);
        Assert.Equal(policy, onSite.Policy.Name);
    }

    [Theory]
    [InlineData(RequestType.Inquiry)]
    [InlineData(RequestType.Payment)]
    [InlineData(RequestType.Praise)]
    public void For_RequestWithoutVisit_HasNoOnSiteClock(RequestType type)
    {
        var plan = SlaPlan.For(DefaultSlaPolicies.Set, new SlaRequestFacts(type, null, Urgency.Normal), Iso.At("2025-01-10T17:30+08:00"), BuiltInCalendars.Catalog, null);

        Assert.DoesNotContain(plan, p => p.Clock.Kpi == SlaKpi.OnSite);
    }

    [Theory]
    [InlineData("2025-01-10T19:50+08:00", SlaStatus.Met)]
    [InlineData("2025-01-11T09:30+08:00", SlaStatus.Met)]
    [InlineData("2025-01-11T09:31+08:00", SlaStatus.Breached)]
    public void RecordArrival_ArrivedOnRecorded_CompletesOnSiteClockAtThatTime(string arrivedOn, SlaStatus expected)
    {
        var state = Open("2025-01-10T19:30+08:00").RecordArrival(Iso.At(arrivedOn), Iso.At("2025-01-11T12:00+08:00"));

        Assert.Equal(Iso.At(arrivedOn), state.ArrivedOn);
        Assert.Equal(expected, state.OnSite!.Status);
        Assert.Equal(Iso.At(arrivedOn), state.OnSite.CompletedAt);
        Assert.False(state.Resolution!.IsCompleted);
    }

    [Fact]
    public void RecordArrival_TimeAfterNow_CompletesAtNow()
    {
        var state = Open("2025-01-10T19:30+08:00").RecordArrival(Iso.At("2025-01-11T20:00+08:00"), Iso.At("2025-01-11T09:00+08:00"));

        Assert.Equal(Iso.At("2025-01-11T09:00+08:00"), state.OnSite!.CompletedAt);
        Assert.Equal(SlaStatus.Met, state.OnSite.Status);
    }

    [Fact]
    public void RecordArrival_ClearedAfterCompletion_ThrowsArrivalRemoved()
    {
        var state = Open("2025-01-10T19:30+08:00").RecordArrival(Iso.At("2025-01-10T19:50+08:00"), Iso.At("2025-01-10T20:00+08:00"));

        var ex = Assert.Throws<DomainException>(() => state.RecordArrival(null, Iso.At("2025-01-10T20:10+08:00")));

        Assert.Equal(ServiceRequestErrorCodes.ArrivalRemoved, ex.Code);
    }

    [Fact]
    public void MoveTo_InProgressFromDispatched_ArrivalCompletesOnSiteClock()
    {
        var state = Open("2025-01-10T19:30+08:00")
            .MoveTo(RequestStatus.Accepted, Iso.At("2025-01-10T19:40+08:00"))
            .MoveTo(RequestStatus.Dispatched, Iso.At("2025-01-10T19:45+08:00"))
            .MoveTo(RequestStatus.InProgress, Iso.At("2025-01-11T08:15+08:00"));

        Assert.Equal(Iso.At("2025-01-11T08:15+08:00"), state.ArrivedOn);
        Assert.Equal(Iso.At("2025-01-11T08:15+08:00"), state.OnSite!.MetOn);
    }

    [Fact]
    public void MoveTo_ResolvedWithoutArrival_OnSiteCompletesWithArrivedOnNow()
    {
        var state = Open("2025-01-10T19:30+08:00")
            .MoveTo(RequestStatus.Accepted, Iso.At("2025-01-10T19:40+08:00"))
            .MoveTo(RequestStatus.Resolved, Iso.At("2025-01-11T10:00+08:00"));

        Assert.Equal(Iso.At("2025-01-11T10:00+08:00"), state.ArrivedOn);
        Assert.Equal(SlaStatus.Breached, state.OnSite!.Status);
        Assert.Equal(Iso.At("2025-01-11T09:30+08:00"), state.OnSite.BreachedOn);
    }

    [Fact]
    public void MoveTo_WaitingOnOwner_OnSitePausesAndResumesLater()
    {
        var state = Open("2025-01-10T09:00+08:00")
            .MoveTo(RequestStatus.Accepted, Iso.At("2025-01-10T09:10+08:00"))
            .MoveTo(RequestStatus.WaitingOnOwner, Iso.At("2025-01-10T09:30+08:00"))
            .MoveTo(RequestStatus.Dispatched, Iso.At("2025-01-10T10:30+08:00"));

        Assert.Equal(TimeSpan.FromHours(1), state.OnSite!.PausedTotal);
        Assert.Equal(Iso.At("2025-01-10T12:00+08:00"), state.OnSite.DueAt);
    }

    [Fact]
    public void NextEscalationOn_RepairLoggedFridayEvening_IncludesOnSiteWarning()
    {
        var state = Open("2025-01-10T19:30+08:00").MoveTo(RequestStatus.Accepted, Iso.At("2025-01-10T19:40+08:00"));

        // First response met; the on-site warning (75% of 2 h: 09:00 Saturday) comes before the resolution's.
        Assert.Equal(Iso.At("2025-01-11T09:00+08:00"), state.NextEscalationOn);
    }

    private static ServiceRequestState Open(string at) =>
        ServiceRequestState.Open(DefaultSlaPolicies.Set.Resolve(Repair), BuiltInCalendars.Catalog, Iso.At(at));
}
