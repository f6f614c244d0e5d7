using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Schema.Tables;
using Choices = PropertyCrm.Schema.OptionSets;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;
using Esc = PropertyCrm.Schema.Tables.EscalationTable.Columns;

namespace PropertyCrm.Tests.ServiceRequests.Sweep;

/// <summary>
/// The sweep through the real Custom API as the clock moves: warning, breach, the ladder's instants, recipients,
/// idempotence, paused and closed requests. Emergency first response, 30 min on 24x7 from 09:00 CST.
/// </summary>
public sealed class SlaSweepLadderTests
{
    private readonly SweepWorld world = new();

    [Fact]
    public void Sweep_ClockPassesWarningThenDeadline_MarksWarningThenBreach()
    {
        var request = world.Request();

        world.AtMinute(22, 30);
        world.Sweep();
        var warned = world.Row(request);
        Assert.Equal(Choices.SlaStatus.Warning, warned.GetAttributeValue<OptionSetValue>(Columns.FirstResponseStatus).Value);
        Assert.Null(warned.GetAttributeValue<DateTime?>(Columns.FirstResponseBreachedOn));
        Assert.Equal(SweepWorld.Start.AddMinutes(30).AddSeconds(1), warned.GetAttributeValue<DateTime?>(Columns.NextEscalationOn));

        world.AtMinute(30, 1);
        world.Sweep();
        var breached = world.Row(request);
        Assert.Equal(Choices.SlaStatus.Breached, breached.GetAttributeValue<OptionSetValue>(Columns.FirstResponseStatus).Value);
        Assert.Equal(SweepWorld.Start.AddMinutes(30), breached.GetAttributeValue<DateTime?>(Columns.FirstResponseBreachedOn));
        Assert.Equal(Choices.EscalationLevel.Level1, breached.GetAttributeValue<OptionSetValue>(Columns.EscalationLevel).Value);
    }

    [Theory]
    // minute:second after 09:00, rungs recorded after sweeping then, and the index the row is left with (same notation; "-" = null)
    [InlineData("22:29", "", "22:30")]
    [InlineData("22:30", "FR Warning", "30:01")]
    [InlineData("30:00", "FR Warning", "30:01")] // the deadline instant itself is still on time
    [InlineData("30:01", "FR Warning, FR Level1", "45:00")]
    [InlineData("44:59", "FR Warning, FR Level1", "45:00")]
    [InlineData("45:00", "FR Warning, FR Level1, FR Level2", "60:00")]
    [InlineData("60:00", "FR Warning, FR Level1, FR Level2, FR Level3", "-")]
    [InlineData("90:00", "FR Warning, FR Level1, FR Level2, FR Level3", "-")]
    public void Sweep_EveryMinuteUpTo_RaisesEachRungOnceAtItsInstant(string until, string expectedRungs, string expectedIndex)
    {
        var request = world.Request();
        var end = Offset(until);

        // A sweep every minute until the instant, twice each time, then once more exactly at it.
        for (var at = SweepWorld.Start; at < end; at = at.AddMinutes(1))
        {
            world.At(at);
            world.Sweep();
            world.Sweep();
        }

        world.At(end);
        world.Sweep();
        var second = world.Sweep();

        Assert.Equal(expectedRungs, world.Rungs(request));
        Assert.Equal(expectedIndex == "-" ? null : Offset(expectedIndex), world.NextIndex(request));
        Assert.Equal(0, second.Processed);
        Assert.Equal(0, second.Escalated);
    }

    [Fact]
    public void Sweep_LateAfterEveryRung_RaisesAllFourOnceWithTheirDueInstants()
    {
        var request = world.Request();

        world.AtMinute(120);
        var first = world.Sweep();
        var again = world.Sweep();

        Assert.Equal(1, first.Processed);
        Assert.Equal(4, first.Escalated);
        Assert.Equal(0, again.Processed);
        Assert.Equal(
            new[] { Offset("22:30"), Offset("30:00"), Offset("45:00"), Offset("60:00") },
            world.Escalations(request).Select(e => e.GetAttributeValue<DateTime>(Esc.DueSince)));
        Assert.All(world.Escalations(request), e => Assert.Equal(SweepWorld.Start.AddMinutes(120), e.GetAttributeValue<DateTime>(Esc.RaisedOn)));
        Assert.Equal(Choices.EscalationLevel.Level3, world.Row(request).GetAttributeValue<OptionSetValue>(Columns.EscalationLevel).Value);
    }

    [Fact]
    public void Sweep_EachRung_NotifiesOwnerSupervisorManagerThenQualityTeam()
    {
        var request = world.Request();

        world.AtMinute(120);
        world.Sweep();

        var rows = world.Escalations(request);
        Assert.Equal(
            new[]
            {
                "systemuser " + world.Agent + " " + Choices.EscalationRecipient.Assignee,
                "systemuser " + world.Supervisor + " " + Choices.EscalationRecipient.TeamSupervisor,
                "systemuser " + world.Manager + " " + Choices.EscalationRecipient.PropertyManager,
                "team " + world.QualityTeam + " " + Choices.EscalationRecipient.QualityDepartment,
            },
            rows.Select(Recipient));
        Assert.All(rows, r => Assert.StartsWith("首次响应 First response · ", r.GetAttributeValue<string>(Esc.Name), StringComparison.Ordinal));
        Assert.All(rows, r => Assert.EndsWith("· 3-1-802 漏水 leak", r.GetAttributeValue<string>(Esc.Name), StringComparison.Ordinal));
    }

    [Fact]
    public void Sweep_RequestOwnedByTeam_WarnsTheTeam()
    {
        var team = world.Dataverse.Seed(new Entity("team") { ["name"] = "维修班 Repair crew" });
        var request = world.Request(owner: new EntityReference("team", team));

        world.AtMinute(25);
        world.Sweep();

        Assert.Equal("team " + team + " " + Choices.EscalationRecipient.Assignee, Recipient(Assert.Single(world.Escalations(request))));
    }

    [Fact]
    public void Sweep_PropertyWithoutSupervisor_RecordsTheRungWithNobodyNamed()
    {
        var bare = world.Dataverse.Seed(new Entity(PropertyTable.LogicalName) { [PropertyTable.Columns.Name] = "老旧小区 Old estate" });
        var request = world.Request(property: bare);

        world.AtMinute(31);
        world.Sweep();

        var level1 = world.Escalations(request).Single(e => e.GetAttributeValue<OptionSetValue>(Esc.Level).Value == Choices.EscalationLevel.Level1);
        Assert.Equal(Choices.EscalationRecipient.TeamSupervisor, level1.GetAttributeValue<OptionSetValue>(Esc.Recipient).Value);
        Assert.Null(level1.GetAttributeValue<EntityReference>(Esc.NotifiedUser));
        Assert.Null(level1.GetAttributeValue<EntityReference>(Esc.NotifiedTeam));
    }

    [Fact]
    public void Sweep_PausedRequestPastItsIndex_IsSkippedUntouched()
    {
        var paused = world.Request(pausedOnUtc: SweepWorld.Start.AddMinutes(10));
        var before = world.Row(paused);

        world.AtMinute(120);
        var outcome = world.Sweep();

        Assert.Equal(0, outcome.Processed);
        Assert.Empty(world.Escalations(paused));
        Assert.Equal(before.GetAttributeValue<long>("versionnumber"), world.Row(paused).GetAttributeValue<long>("versionnumber"));
    }

    [Fact]
    public void Sweep_ClosedRequestPastItsIndex_IsSkipped()
    {
        var closed = world.Request();
        world.Dataverse.Service.Update(new Entity(ServiceRequestTable.LogicalName, closed) { [Columns.StateCode] = new OptionSetValue(ServiceRequestTable.States.Inactive) });

        world.AtMinute(120);
        var outcome = world.Sweep();

        Assert.Equal(0, outcome.Processed);
        Assert.Empty(world.Escalations(closed));
    }

    [Fact]
    public void Sweep_FirstResponseGivenBeforeTheDeadline_RaisesNothingAndClearsTheIndex()
    {
        var request = world.Request();
        world.Dataverse.Service.Update(new Entity(ServiceRequestTable.LogicalName, request)
        {
            [Columns.AcceptedOn] = SweepWorld.Start.AddMinutes(20),
            [Columns.FirstResponseMetOn] = SweepWorld.Start.AddMinutes(20),
            [Columns.FirstResponseStatus] = new OptionSetValue(Choices.SlaStatus.Met),
        });

        world.AtMinute(120);
        var outcome = world.Sweep();

        Assert.Equal(1, outcome.Processed);
        Assert.Empty(world.Escalations(request));
        Assert.Null(world.NextIndex(request));
        Assert.Equal(Choices.SlaStatus.Met, world.Row(request).GetAttributeValue<OptionSetValue>(Columns.FirstResponseStatus).Value);
    }

    [Fact]
    public void Sweep_ResolutionOnWorkdaysCalendar_EscalatesBothKpisIndependently()
    {
        // Repair resolution 18 working hours on cn-workdays beside the 30-min first response: a week later both are past level 3.
        var request = world.Request();
        world.Dataverse.Service.Update(new Entity(ServiceRequestTable.LogicalName, request)
        {
            [Columns.ResolutionTargetMinutes] = 18 * 60,
            [Columns.ResolutionCalendar] = "cn-workdays",
        });

        world.At(SweepWorld.Start.AddDays(7));
        var outcome = world.Sweep();

        Assert.Equal(8, outcome.Escalated);
        Assert.Equal("FR Warning, FR Level1, FR Level2, FR Level3, RES Warning, RES Level1, RES Level2, RES Level3", world.Rungs(request));
        var row = world.Row(request);
        Assert.Equal(Choices.SlaStatus.Breached, row.GetAttributeValue<OptionSetValue>(Columns.ResolutionStatus).Value);
        Assert.NotNull(row.GetAttributeValue<DateTime?>(Columns.ResolutionBreachedOn));
        Assert.Null(world.NextIndex(request));
    }

    private static DateTime Offset(string minuteSecond)
    {
        var parts = minuteSecond.Split(':');
        return SweepWorld.Start.AddMinutes(int.Parse(
            parts[0],
            System.Globalization.CultureInfo.InvariantCulture)).AddSeconds(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Recipient(Entity escalation)
    {
        var who = escalation.GetAttributeValue<EntityReference>(Esc.NotifiedUser) ?? escalation.GetAttributeValue<EntityReference>(Esc.NotifiedTeam);
        return $"{who?.LogicalName} {who?.Id} {escalation.GetAttributeValue<OptionSetValue>(Esc.Recipient).Value}";
    }
}
