using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;
using Kpi = PropertyCrm.Schema.OptionSets.SlaKpi;
using Level = PropertyCrm.Schema.OptionSets.EscalationLevel;
using Recipient = PropertyCrm.Schema.OptionSets.EscalationRecipient;

namespace PropertyCrm.Tests.ServiceRequests.Sweep;

/// <summary>
/// Overdue 挽回 recovery cases on the escalation ladder, through <c>pcrm_RunSlaSweep</c>: at the due time the property manager
/// (level 2), 24 hours later the quality department (level 3), one escalation row per rung linked to the case, the case's
/// escalation level and next instant written back; idempotent, paged with the requests' token and budget rules.
/// </summary>
public sealed class RecoveryCaseSweepTests
{
    private static readonly DateTime Due = SweepWorld.Start.AddHours(2);

    private readonly SweepWorld world = new();

    [Fact]
    public void Sweep_BeforeDue_NothingRaised()
    {
        var recovery = world.RecoveryCase(Due);
        world.At(Due.AddSeconds(-1));

        var outcome = world.Sweep();

        Assert.Equal(0, outcome.Escalated);
        Assert.Empty(world.CaseEscalations(recovery));
        Assert.Null(world.Case(recovery).GetAttributeValue<OptionSetValue>(RecoveryCaseTable.Columns.EscalationLevel));
    }

    [Fact]
    public void Sweep_AtDue_PropertyManagerToldOnceAndIndexMovesADayOn()
    {
        var recovery = world.RecoveryCase(Due);
        world.At(Due);

        var outcome = world.Sweep();
        var again = world.Sweep();

        Assert.Equal(1, outcome.Escalated);
        Assert.Equal(0, again.Escalated);
        var row = Assert.Single(world.CaseEscalations(recovery));
        Assert.Equal(Kpi.Recovery, row.GetAttributeValue<OptionSetValue>(EscalationTable.Columns.Kpi).Value);
        Assert.Equal(Level.Level2, row.GetAttributeValue<OptionSetValue>(EscalationTable.Columns.Level).Value);
        Assert.Equal(Recipient.PropertyManager, row.GetAttributeValue<OptionSetValue>(EscalationTable.Columns.Recipient).Value);
        Assert.Equal(world.Manager, row.GetAttributeValue<EntityReference>(EscalationTable.Columns.NotifiedUser).Id);
        Assert.Equal(world.Supervisor, row.GetAttributeValue<EntityReference>(EscalationTable.Columns.OwnerId).Id);
        Assert.Null(row.GetAttributeValue<EntityReference>(EscalationTable.Columns.ServiceRequest));
        Assert.Equal(Due, row.GetAttributeValue<DateTime>(EscalationTable.Columns.DueSince));
        Assert.StartsWith("挽回 Recovery · 二级 Level 2 · ", row.GetAttributeValue<string>(EscalationTable.Columns.Name), StringComparison.Ordinal);
        var after = world.Case(recovery);
        Assert.Equal(Level.Level2, after.GetAttributeValue<OptionSetValue>(RecoveryCaseTable.Columns.EscalationLevel).Value);
        Assert.Equal(Due.AddHours(24), after.GetAttributeValue<DateTime>(RecoveryCaseTable.Columns.NextEscalationOn));
    }

    [Fact]
    public void Sweep_ADayAfterDue_QualityTeamToldThenNothingMore()
    {
        var recovery = world.RecoveryCase(Due);
        world.At(Due);
        world.Sweep();
        world.At(Due.AddHours(24));

        var outcome = world.Sweep();
        world.At(Due.AddDays(10));
        var later = world.Sweep();

        Assert.Equal(1, outcome.Escalated);
        Assert.Equal(0, later.Processed);
        var rows = world.CaseEscalations(recovery);
        Assert.Equal(new[] { Level.Level2, Level.Level3 }, rows.Select(r => r.GetAttributeValue<OptionSetValue>(EscalationTable.Columns.Level).Value));
        Assert.Equal(world.QualityTeam, rows[1].GetAttributeValue<EntityReference>(EscalationTable.Columns.NotifiedTeam).Id);
        Assert.Equal(Recipient.QualityDepartment, rows[1].GetAttributeValue<OptionSetValue>(EscalationTable.Columns.Recipient).Value);
        var after = world.Case(recovery);
        Assert.Equal(Level.Level3, after.GetAttributeValue<OptionSetValue>(RecoveryCaseTable.Columns.EscalationLevel).Value);
        Assert.Null(after.GetAttributeValue<DateTime?>(RecoveryCaseTable.Columns.NextEscalationOn));
    }

    [Fact]
    public void Sweep_SweepMissedADay_BothRungsInOneCall()
    {
        var recovery = world.RecoveryCase(Due);
        world.At(Due.AddHours(30));

        var outcome = world.Sweep();

        Assert.Equal(2, outcome.Escalated);
        Assert.Equal(new[] { Due, Due.AddHours(24) }, world.CaseEscalations(recovery).Select(r => r.GetAttributeValue<DateTime>(EscalationTable.Columns.DueSince)));
    }

    [Fact]
    public void Sweep_ClosedCase_NotEscalated()
    {
        var recovery = world.RecoveryCase(Due);
        world.Dataverse.Service.Update(new Entity(RecoveryCaseTable.LogicalName, recovery)
        {
            [RecoveryCaseTable.Columns.Outcome] = new OptionSetValue(PropertyCrm.Schema.OptionSets.RecoveryOutcome.Recovered),
            [RecoveryCaseTable.Columns.StateCode] = new OptionSetValue(RecoveryCaseTable.States.Inactive),
            [RecoveryCaseTable.Columns.StatusCode] = new OptionSetValue(RecoveryCaseTable.StatusReasons.Closed),
        });
        world.At(Due.AddHours(30));

        var outcome = world.Sweep();

        Assert.Equal(0, outcome.Processed);
        Assert.Empty(world.CaseEscalations(recovery));
    }

    [Fact]
    public void Sweep_TwoDueCases_CallBudget()
    {
        world.RecoveryCase(Due, "挽回 · A");
        world.RecoveryCase(Due, "挽回 · B");
        world.At(Due);

        world.Sweep();

        // Requests: 1 index query (none due). Cases: 1 index query + 1 re-read + 1 escalation read + 1 property read,
        // 2 creates (the rows) + 2 updates (level and next instant); the job lock's 3 calls besides.
        var calls = world.LastCalls.Calls.Where(c => c.EntityName != SweepJobTable.LogicalName).Select(c => c.MessageName + " " + c.EntityName).ToArray();
        Assert.Equal(
            new[]
            {
                "RetrieveMultiple pcrm_servicerequest", "RetrieveMultiple pcrm_recoverycase", "RetrieveMultiple pcrm_recoverycase",
                "RetrieveMultiple pcrm_escalation", "RetrieveMultiple pcrm_property", "Update pcrm_recoverycase", "Create pcrm_escalation",
                "Update pcrm_recoverycase", "Create pcrm_escalation",
            },
            calls);
        Assert.Equal(0, world.Dataverse.AllColumnsRequests);
    }

    [Fact]
    public void Sweep_ZeroBudget_RequestsThenCasesOnePerCallWithTheToken()
    {
        var requests = world.Requests(2);
        var cases = new[] { world.RecoveryCase(Due, "挽回 · A"), world.RecoveryCase(Due, "挽回 · B") };
        world.At(Due);

        var outcomes = new List<SweepOutcome>();
        string? token = null;
        do
        {
            var outcome = world.Sweep(pageSize: 1, budgetSeconds: 0, token: token);
            outcomes.Add(outcome);
            token = outcome.Token;
        }
        while (outcomes[^1].MoreRecords && outcomes.Count < 20);

        // Two requests, then the pass changes (the token says so), then two cases; each call handles one row.
        Assert.Equal(new[] { true, true, true, false }, outcomes.Select(o => o.MoreRecords));
        Assert.All(outcomes, o => Assert.Equal(1, o.Processed));
        Assert.StartsWith("v1:", outcomes[0].Token, StringComparison.Ordinal);
        Assert.StartsWith("r1:", outcomes[1].Token, StringComparison.Ordinal);
        Assert.StartsWith("r1:", outcomes[2].Token, StringComparison.Ordinal);
        Assert.All(cases, c => Assert.Single(world.CaseEscalations(c)));
        Assert.All(requests, r => Assert.NotEmpty(world.Escalations(r)));
        Assert.Equal(0, world.Sweep().Escalated);
    }

    [Fact]
    public void Update_DueMovedLater_IndexFollowsAndNothingRaisedEarly()
    {
        var recovery = world.RecoveryCase(Due);
        world.Dataverse.Service.Update(new Entity(RecoveryCaseTable.LogicalName, recovery) { [RecoveryCaseTable.Columns.DueOn] = Due.AddHours(5) });
        world.At(Due.AddHours(1));

        var outcome = world.Sweep();

        Assert.Equal(0, outcome.Escalated);
        Assert.Equal(Due.AddHours(5), world.Case(recovery).GetAttributeValue<DateTime>(RecoveryCaseTable.Columns.NextEscalationOn));
    }

    [Theory]
    [InlineData(RecoveryCaseTable.Columns.EscalationLevel)]
    [InlineData(RecoveryCaseTable.Columns.NextEscalationOn)]
    public void Update_SweepColumnTyped_RefusedInBothLanguages(string column)
    {
        var recovery = world.RecoveryCase(Due);
        object value = column == RecoveryCaseTable.Columns.EscalationLevel ? new OptionSetValue(Level.Level3) : Due.AddDays(30);

        var fault = Assert.Throws<DataverseFaultException>(() => world.Dataverse.Service
            .Update(new Entity(RecoveryCaseTable.LogicalName, recovery) { [column] = value }));

        Assert.Contains("由 SLA 扫描维护", fault.Message, StringComparison.Ordinal);
        Assert.Contains("maintained by the SLA sweep", fault.Message, StringComparison.Ordinal);
        Assert.Equal(Due, world.Case(recovery).GetAttributeValue<DateTime>(RecoveryCaseTable.Columns.NextEscalationOn));
    }

    [Fact]
    public void Create_ByHandThenOverdue_IndexedAndEscalatedBySweep()
    {
        // An admin types a case in (no escalation index: only the product and the sweep write it).
        var recovery = world.Dataverse.Service.Create(HandMade(Due));
        world.At(Due);

        var outcome = world.Sweep();

        Assert.Equal(1, outcome.Escalated);
        var row = Assert.Single(world.CaseEscalations(recovery));
        Assert.Equal(Level.Level2, row.GetAttributeValue<OptionSetValue>(EscalationTable.Columns.Level).Value);
        var after = world.Case(recovery);
        Assert.Equal(Level.Level2, after.GetAttributeValue<OptionSetValue>(RecoveryCaseTable.Columns.EscalationLevel).Value);
        Assert.Equal(Due.AddHours(24), after.GetAttributeValue<DateTime>(RecoveryCaseTable.Columns.NextEscalationOn));
    }

    [Fact]
    public void Create_ByHandWithoutDueTime_Due24HoursLaterAndIndexed()
    {
        world.At(SweepWorld.Start);
        var hand = HandMade(Due);
        hand.Attributes.Remove(RecoveryCaseTable.Columns.DueOn);

        var recovery = world.Dataverse.Service.Create(hand);
        world.At(SweepWorld.Start.AddHours(24));
        var outcome = world.Sweep();

        var expectedDue = SweepWorld.Start.AddHours(24);
        Assert.Equal(expectedDue, world.Case(recovery).GetAttributeValue<DateTime>(RecoveryCaseTable.Columns.DueOn));
        Assert.Equal(1, outcome.Escalated);
        Assert.Equal(expectedDue, Assert.Single(world.CaseEscalations(recovery)).GetAttributeValue<DateTime>(EscalationTable.Columns.DueSince));
    }

    [Theory]
    [InlineData(RecoveryCaseTable.Columns.EscalationLevel)]
    [InlineData(RecoveryCaseTable.Columns.NextEscalationOn)]
    public void Create_SweepColumnTyped_RefusedInBothLanguages(string column)
    {
        var hand = HandMade(Due);
        hand[column] = column == RecoveryCaseTable.Columns.EscalationLevel ? new OptionSetValue(Level.Level3) : Due.AddDays(30);

        var fault = Assert.Throws<DataverseFaultException>(() => world.Dataverse.Service.Create(hand));

        Assert.Contains("由 SLA 扫描维护", fault.Message, StringComparison.Ordinal);
        Assert.Contains("maintained by the SLA sweep", fault.Message, StringComparison.Ordinal);
        Assert.Empty(world.Dataverse.PeekAll(RecoveryCaseTable.LogicalName));
    }

    private Entity HandMade(DateTime dueUtc) => new(RecoveryCaseTable.LogicalName)
    {
        [RecoveryCaseTable.Columns.Name] = "挽回 · 手工 hand-made",
        [RecoveryCaseTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, world.Property),
        [RecoveryCaseTable.Columns.Reason] = new OptionSetValue(PropertyCrm.Schema.OptionSets.RecoveryReason.LowSatisfaction),
        [RecoveryCaseTable.Columns.DueOn] = dueUtc,
        [RecoveryCaseTable.Columns.OwnerId] = new EntityReference(PlatformTables.SystemUser, world.Supervisor),
    };
}
