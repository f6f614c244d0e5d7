using System;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.ServiceRequests;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Tests.Domain.ServiceRequests;

public sealed class ServiceRequestStateTests
{
    private static readonly SlaRequestFacts Repair = new(RequestType.Repair, ServiceLine.Maintenance, Urgency.Normal);

    private static ServiceRequestState Open(string at, SlaRequestFacts? facts = null) =>
        ServiceRequestState.Open(DefaultSlaPolicies.Set.Resolve(facts ?? Repair), BuiltInCalendars.Catalog, Iso.At(at));

    [Fact]
    public void Open_Repair_BothClocksRunFromNowAndIndexIsTheFirstWarning()
    {
        var state = Open("2025-01-06T09:00+08:00");

        Assert.Equal(RequestStatus.New, state.Status);
        Assert.Equal(Iso.At("2025-01-06T09:30+08:00"), state.FirstResponse!.DueAt);
        Assert.Equal(Iso.At("2025-01-08T09:00+08:00"), state.Resolution!.DueAt);
        Assert.Equal(Iso.At("2025-01-06T09:22:30+08:00"), state.NextEscalationOn);
    }

    [Fact]
    public void MoveTo_SameStatus_NoChange()
    {
        var state = Open("2025-01-06T09:00+08:00");

        Assert.Same(state, state.MoveTo(RequestStatus.New, Iso.At("2025-01-06T10:00+08:00")));
    }

    [Fact]
    public void MoveTo_AcceptedTwiceViaWaiting_AcceptedOnKeepsTheFirstResponse()
    {
        var state = Open("2025-01-06T09:00+08:00")
            .MoveTo(RequestStatus.Accepted, Iso.At("2025-01-06T09:10+08:00"))
            .MoveTo(RequestStatus.WaitingOnOwner, Iso.At("2025-01-06T10:00+08:00"))
            .MoveTo(RequestStatus.Accepted, Iso.At("2025-01-06T11:00+08:00"));

        Assert.Equal(Iso.At("2025-01-06T09:10+08:00"), state.AcceptedOn);
        Assert.Equal(Iso.At("2025-01-06T09:10+08:00"), state.FirstResponse!.MetOn);
        Assert.Equal(TimeSpan.FromHours(1), state.Resolution!.PausedTotal);
        Assert.Null(state.PausedOn);
    }

    [Fact]
    public void MoveTo_WaitingOnOwner_PausesRunningClocksOnlyAndIndexClears()
    {
        var state = Open("2025-01-06T09:00+08:00")
            .MoveTo(RequestStatus.Accepted, Iso.At("2025-01-06T09:10+08:00"))
            .MoveTo(RequestStatus.WaitingOnOwner, Iso.At("2025-01-06T10:00+08:00"));

        Assert.True(state.FirstResponse!.IsCompleted);
        Assert.True(state.Resolution!.IsPaused);
        Assert.Equal(Iso.At("2025-01-06T10:00+08:00"), state.PausedOn);
        Assert.Null(state.NextEscalationOn);
    }

    [Fact]
    public void MoveTo_ClosedWithoutFollowUp_Refused()
    {
        var resolved = Open("2025-01-06T09:00+08:00")
            .MoveTo(RequestStatus.Accepted, Iso.At("2025-01-06T09:10+08:00"))
            .MoveTo(RequestStatus.Resolved, Iso.At("2025-01-06T10:00+08:00"));

        var refused = Assert.Throws<DomainException>(() => resolved.MoveTo(RequestStatus.Closed, Iso.At("2025-01-07T10:00+08:00")));
        Assert.Equal(ServiceRequestErrorCodes.FollowUpRequired, refused.Code);

        var closed = resolved.WithFollowUp(Iso.At("2025-01-07T09:30+08:00")).MoveTo(RequestStatus.Closed, Iso.At("2025-01-07T10:00+08:00"));
        Assert.Equal(Iso.At("2025-01-07T10:00+08:00"), closed.ClosedOn);
        Assert.Null(closed.NextEscalationOn);
        Assert.Equal(ServiceRequestErrorCodes.FollowUpRemoved, Assert.Throws<DomainException>(() => closed.WithFollowUp(null)).Code);
    }

    [Fact]
    public void Retarget_AfterFirstResponse_Unchanged()
    {
        var accepted = Open("2025-01-06T09:00+08:00").MoveTo(RequestStatus.Accepted, Iso.At("2025-01-06T09:10+08:00"));
        var emergency = DefaultSlaPolicies.Set.Resolve(new SlaRequestFacts(RequestType.Repair, ServiceLine.Maintenance, Urgency.Emergency));

        Assert.Same(accepted, accepted.Retarget(emergency, BuiltInCalendars.Catalog, Iso.At("2025-01-06T09:20+08:00")));
    }

    [Fact]
    public void Retarget_BeforeFirstResponsePastNewDeadline_BreachedFromTheOriginalStart()
    {
        var state = Open("2025-01-06T09:00+08:00");
        var emergency = DefaultSlaPolicies.Set.Resolve(new SlaRequestFacts(RequestType.Repair, ServiceLine.Maintenance, Urgency.Emergency));

        var retargeted = state.Retarget(emergency, BuiltInCalendars.Catalog, Iso.At("2025-01-06T09:40+08:00"));

        Assert.Equal(SlaStatus.Breached, retargeted.FirstResponse!.Status);
        Assert.Equal(Iso.At("2025-01-06T09:30+08:00"), retargeted.FirstResponse.BreachedOn);
        Assert.Equal(Iso.At("2025-01-06T09:00+08:00"), retargeted.FirstResponse.StartedAt);
    }

    [Fact]
    public void PolicyName_TargetsFromTwoPolicies_BothNamed()
    {
        var set = SlaPolicyLayering.Compose(
            DefaultSlaPolicies.Set.Policies,
            new[] { new SlaPolicy("钻石 diamond", new[] { new SlaTarget(SlaKpi.FirstResponse, TimeSpan.FromMinutes(15), "24x7") }, ownerTier: "diamond") });

        // A complaint: a Diamond repair would also name the default diamond-repair policy (its 1 h on-site target).
        var targets = set.Resolve(new SlaRequestFacts(RequestType.Complaint, null, Urgency.Normal, "diamond"));

        Assert.Equal("钻石 diamond / 投诉 complaint", ServiceRequestState.PolicyName(targets));
    }
}
