using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Kpis;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Steps.Kpis;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Simulation;
using Choices = PropertyCrm.Schema.OptionSets;
using Requests = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Tests.Kpis;

/// <summary>
/// A small simulation (one property, 100 households, three months: enough for a closed recovery case and closed retention cases) through the real plug-ins; then every KPI snapshot row
/// is checked against the same KPI computed here independently, by LINQ over the harness rows, from the README's
/// definitions (not by the plug-in's FetchXML).
/// </summary>
public sealed class SimulationKpiTests
{
    private static readonly Lazy<Simulator> Small = new(() =>
    {
        var simulator = new Simulator(new SimulationOptions { Properties = 1, Units = 100, Months = 3, Seed = 8, Progress = false });
        simulator.Run(new Progress(System.IO.TextWriter.Null, enabled: false));
        simulator.HarvestAsyncFailures();
        return simulator;
    });

    [Fact]
    public void Simulate_SmallCompany_EveryOperationSucceedsAndSnapshotsEveryMonthAndKpi()
    {
        var simulator = Small.Value;

        var refusals = string.Join("; ", simulator.Stats.Kinds.Where(k => k.Failures > 0).Select(k => $"{k.Name} ×{k.Failures}: {k.FirstFailure}"));
        Assert.True(simulator.Stats.Failures == 0, refusals);
        Assert.True(simulator.Dataverse.Count(ServiceRequestTable.LogicalName) > 5);
        Assert.Equal(0, simulator.Dataverse.AllColumnsRequests);
        var rows = SnapshotRow.ReadAll(simulator.Dataverse);
        foreach (var month in simulator.MonthsPlayed)
        {
            Assert.Equal(Expected(simulator.Dataverse, simulator.Company.Properties[0].Id, month).Count, rows.Count(r => r.Period == month.ToString()));
        }
    }

    [Fact]
    public void RunKpiSnapshot_AfterSimulation_RowsEqualKpisComputedIndependentlyFromTheRows()
    {
        var simulator = Small.Value;
        var dataverse = simulator.Dataverse;
        var property = simulator.Company.Properties[0].Id;
        foreach (var month in simulator.MonthsPlayed)
        {
            // Re-run each month now that everything has settled (late payments and follow-ups came after its last nightly run).
            Run(dataverse, simulator.Company.Admin, month);
        }

        var rows = SnapshotRow.ReadAll(dataverse);
        foreach (var month in simulator.MonthsPlayed)
        {
            var expected = Expected(dataverse, property, month);
            foreach (var (code, numerator, denominator) in expected)
            {
                var row = Assert.Single(rows, r => r.Period == month.ToString() && r.Kpi == code);
                Assert.True(numerator == row.Numerator, $"{month} {code}: numerator {row.Numerator}, expected {numerator}");
                Assert.True(denominator == row.Denominator, $"{month} {code}: denominator {row.Denominator}, expected {denominator}");
                var definition = KpiCatalog.Get(code);
                Assert.Equal(denominator == 0 ? null : Math.Round(numerator / denominator * definition.Scale, 4, MidpointRounding.AwayFromZero), row.Value);
                Assert.Equal(definition.DefaultTarget, row.Target);
            }
        }

        Assert.Contains(rows, r => r.Kpi == KpiCode.FeeCollection && r.Denominator > 0 && r.Numerator > 0);
        Assert.Contains(rows, r => r.Kpi == KpiCode.SatisfactionRate && r.Denominator > 0);
        Assert.Contains(rows, r => r.Kpi == KpiCode.Nps && r.Denominator > 0);
        Assert.Contains(rows, r => r.Kpi == KpiCode.ServqualReliability && r.Denominator > 0);

        // The 回访 loop is played: requests closed after verification (some reworked), 回访 recorded, detractors recovered.
        Assert.Contains(rows, r => r.Kpi == KpiCode.FollowUp && r.Numerator > 0);
        Assert.Contains(rows, r => r.Kpi == KpiCode.FirstTimeFix && r.Numerator > 0);
        Assert.Contains(rows, r => r.Kpi == KpiCode.Rework && r.Denominator > 0); // ~5% of ~12 repairs: a reopen is not certain here
        Assert.Contains(rows, r => r.Kpi == KpiCode.Recovery && r.Denominator > 0);
        Assert.Contains(rows, r => r.Kpi == KpiCode.AverageResponseMinutes && r.Denominator > 0 && r.Numerator > 0);

        // Community events and suggestions are played: owners check in, suggestions are answered and decided.
        Assert.Contains(rows, r => r.Kpi == KpiCode.EventParticipation && r.Numerator > 0);
        Assert.Contains(rows, r => r.Kpi == KpiCode.SuggestionAnswerRate && r.Numerator > 0);
        Assert.Contains(rows, r => r.Kpi == KpiCode.SuggestionAdoptionRate && r.Denominator > 0);

        // The care planner runs: churn-risk owners get retention cases, their butlers close them, some retained some left.
        Assert.Contains(rows, r => r.Kpi == KpiCode.RetentionCaseSuccess && r.Denominator > 0 && r.Numerator > 0 && r.Numerator < r.Denominator);
        Assert.NotEmpty(dataverse.PeekAll(OwnerMessageTable.LogicalName));
    }

    [Fact]
    public void RunKpiSnapshot_RunTwice_ReplacesRowsAndAddsNone()
    {
        var simulator = Small.Value;
        var dataverse = simulator.Dataverse;
        var month = simulator.MonthsPlayed[0];
        Run(dataverse, simulator.Company.Admin, month);
        var before = dataverse.Count(KpiSnapshotTable.LogicalName);

        Run(dataverse, simulator.Company.Admin, month);

        Assert.Equal(before, dataverse.Count(KpiSnapshotTable.LogicalName));
    }

    [Fact]
    public void RunKpiSnapshot_ZeroBudget_OnePropertyMonthPerCallAndTheTokenResumes()
    {
        var simulator = Small.Value;
        var dataverse = simulator.Dataverse;
        var admin = dataverse.ServiceFor(simulator.Company.Admin);

        var first = admin.Execute(new OrganizationRequest(RunKpiSnapshotPlugin.ApiName) { [RunKpiSnapshotPlugin.TimeBudgetSecondsParameter] = 0 });
        Assert.Equal(1, first[RunKpiSnapshotPlugin.ProcessedOutput]);
        Assert.True((bool)first[RunKpiSnapshotPlugin.MoreRecordsOutput]);
        var second = admin.Execute(new OrganizationRequest(RunKpiSnapshotPlugin.ApiName)
        {
            [RunKpiSnapshotPlugin.TimeBudgetSecondsParameter] = 0,
            [RunKpiSnapshotPlugin.ContinuationTokenParameter] = first[RunKpiSnapshotPlugin.ContinuationTokenOutput],
        });

        Assert.Equal(1, second[RunKpiSnapshotPlugin.ProcessedOutput]);
        Assert.False((bool)second[RunKpiSnapshotPlugin.MoreRecordsOutput]);
        Assert.Equal(string.Empty, second[RunKpiSnapshotPlugin.ContinuationTokenOutput]);
    }

    [Fact]
    public void RunKpiSnapshot_TargetOverride_UsedForThePropertyAndMetFollowsIt()
    {
        var simulator = Small.Value;
        var dataverse = simulator.Dataverse;
        var property = simulator.Company.Properties[0].Id;
        var month = simulator.MonthsPlayed[0];
        var target = dataverse.Seed(new Entity(KpiTargetTable.LogicalName)
        {
            [KpiTargetTable.Columns.Name] = "满意率 85% (regulation floor)",
            [KpiTargetTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, property),
            [KpiTargetTable.Columns.Kpi] = new OptionSetValue(Choices.Kpi.SatisfactionRate),
            [KpiTargetTable.Columns.Target] = 0.01m,
        });
        try
        {
            Run(dataverse, simulator.Company.Admin, month);

            var row = Assert.Single(SnapshotRow.ReadAll(dataverse), r => r.Period == month.ToString() && r.Kpi == KpiCode.SatisfactionRate);
            Assert.Equal(0.01m, row.Target);
            Assert.Equal(row.Value is null ? null : true, row.Met);
        }
        finally
        {
            dataverse.Service.Delete(KpiTargetTable.LogicalName, target);
            Run(dataverse, simulator.Company.Admin, month);
        }
    }

    [Fact]
    public void RunKpiSnapshot_BadMonth_RefusedInBothLanguages()
    {
        var simulator = Small.Value;
        var fault = Assert.Throws<DataverseFaultException>(() => simulator.Dataverse.ServiceFor(simulator.Company.Admin)
            .Execute(new OrganizationRequest(RunKpiSnapshotPlugin.ApiName) { [RunKpiSnapshotPlugin.MonthParameter] = "2025-13" }));

        Assert.Contains("月份须为 yyyy-MM", fault.Message, StringComparison.Ordinal);
        Assert.Contains("Month must be yyyy-MM", fault.Message, StringComparison.Ordinal);
    }

    private static void Run(FakeDataverse dataverse, Guid admin, KpiMonth month) =>
        dataverse.ServiceFor(admin).Execute(new OrganizationRequest(RunKpiSnapshotPlugin.ApiName) { [RunKpiSnapshotPlugin.MonthParameter] = month.ToString() });

    /// <summary>Every KPI of the property and month, straight from the README's definitions over the stored rows.</summary>
    private static List<(KpiCode Code, decimal Numerator, decimal Denominator)> Expected(FakeDataverse dataverse, Guid property, KpiMonth month)
    {
        bool In(DateTime? utc) => utc.HasValue && utc.Value >= month.StartUtc && utc.Value < month.EndUtc;
        int? Option(Entity e, string column) => e.GetAttributeValue<OptionSetValue>(column)?.Value;
        var requests = dataverse.PeekAll(ServiceRequestTable.LogicalName)
            .Where(r => r.GetAttributeValue<EntityReference>(Requests.Property)?.Id == property)
            .ToList();
        var logged = requests.Where(r => In(r.GetAttributeValue<DateTime?>(Requests.CreatedOn))).ToList();
        var notCancelled = logged.Where(r => Option(r, Requests.StatusCode) != ServiceRequestTable.StatusReasons.Cancelled).ToList();
        (KpiCode, decimal, decimal) Clock(KpiCode code, IEnumerable<Entity> set, string column)
        {
            var done = set.Where(r => Option(r, column) is Choices.SlaStatus.Met or Choices.SlaStatus.Breached).ToList();
            return (code, done.Count(r => Option(r, column) == Choices.SlaStatus.Met), done.Count);
        }

        var expected = new List<(KpiCode, decimal, decimal)>
        {
            Clock(KpiCode.FirstResponseOnTime, logged, Requests.FirstResponseStatus),
            Clock(KpiCode.OnSiteOnTime, logged, Requests.OnSiteStatus),
            Clock(KpiCode.RepairOnTime, logged.Where(r => Option(r, Requests.RequestType) == Choices.RequestType.Repair), Requests.ResolutionStatus),
            (KpiCode.Resolution, notCancelled.Count(r => r.GetAttributeValue<DateTime?>(Requests.ResolvedOn).HasValue), notCancelled.Count),
        };

        // 平均响应时长, from the 受理 and logging instants themselves (not the stored response minutes): wall-clock, whole minutes.
        var accepted = notCancelled.Where(r => r.GetAttributeValue<DateTime?>(Requests.AcceptedOn).HasValue).ToList();
        expected.Add((
            KpiCode.AverageResponseMinutes,
            accepted.Sum(r => Math.Floor((decimal)(r.GetAttributeValue<DateTime>(Requests.AcceptedOn) - r.GetAttributeValue<DateTime>(Requests.SlaStartedOn)).TotalMinutes)),
            accepted.Count));
        var complaints = notCancelled.Where(r => Option(r, Requests.RequestType) == Choices.RequestType.Complaint).ToList();
        expected.Add((KpiCode.ComplaintResolution, complaints.Count(r => r.GetAttributeValue<DateTime?>(Requests.ResolvedOn).HasValue), complaints.Count));
        expected.Add((KpiCode.RepeatRequests, notCancelled.Count(r => r.GetAttributeValue<EntityReference>(Requests.RepeatOf) is not null), notCancelled.Count));

        var units = dataverse.PeekAll(UnitTable.LogicalName)
            .Where(u => u.GetAttributeValue<EntityReference>(UnitTable.Columns.Property)?.Id == property)
            .ToList();
        var activeUnits = units.Where(u => Option(u, UnitTable.Columns.StateCode) == 0).Select(u => u.Id).ToHashSet();
        expected.Add((KpiCode.ValidComplaintRate, complaints.Count(r => r.GetAttributeValue<bool?>(Requests.ValidComplaint) == true), activeUnits.Count));

        var resolvedInMonth = requests.Where(r => In(r.GetAttributeValue<DateTime?>(Requests.ResolvedOn))).ToList();
        expected.Add((KpiCode.FollowUp, resolvedInMonth.Count(r => r.GetAttributeValue<DateTime?>(Requests.FollowUpOn).HasValue), resolvedInMonth.Count));

        var answers = requests
            .Where(r => In(r.GetAttributeValue<DateTime?>(Requests.FollowUpOn)) && Option(r, Requests.Satisfaction).HasValue)
            .Select(r => Option(r, Requests.Satisfaction)!.Value - Choices.Satisfaction.VeryDissatisfied + 1)
            .ToList();
        expected.Add((KpiCode.SatisfactionRate, answers.Count(s => s >= 4), answers.Count));
        expected.Add((KpiCode.AverageSatisfaction, answers.Sum(), answers.Count));

        var followUps = dataverse.PeekAll(FollowUpTable.LogicalName)
            .Where(f => f.GetAttributeValue<EntityReference>(FollowUpTable.Columns.Property)?.Id == property && In(f.GetAttributeValue<DateTime?>(FollowUpTable.Columns.CompletedOn)))
            .ToList();
        var nps = followUps.Select(f => f.GetAttributeValue<int?>(FollowUpTable.Columns.Nps)).Where(n => n.HasValue).Select(n => n!.Value).ToList();
        expected.Add((KpiCode.Nps, nps.Count(n => n >= 9) - nps.Count(n => n <= 6), nps.Count));
        foreach (var (code, column) in new[]
        {
            (KpiCode.ServqualReliability, FollowUpTable.Columns.SqReliability),
            (KpiCode.ServqualResponsiveness, FollowUpTable.Columns.SqResponsiveness),
            (KpiCode.ServqualAssurance, FollowUpTable.Columns.SqAssurance),
            (KpiCode.ServqualEmpathy, FollowUpTable.Columns.SqEmpathy),
            (KpiCode.ServqualTangibles, FollowUpTable.Columns.SqTangibles),
        })
        {
            var scores = followUps.Select(f => f.GetAttributeValue<int?>(column)).Where(s => s.HasValue).Select(s => s!.Value).ToList();
            expected.Add((code, scores.Sum(), scores.Count));
        }

        var closed = requests.Where(r => In(r.GetAttributeValue<DateTime?>(Requests.ClosedOn))).ToList();
        expected.Add((KpiCode.FirstTimeFix, closed.Count(r => r.GetAttributeValue<bool?>(Requests.FirstTimeFix) == true), closed.Count));
        expected.Add((KpiCode.Rework, closed.Count(r => r.GetAttributeValue<int?>(Requests.ReopenCount) > 0), closed.Count));
        var recoveries = dataverse.PeekAll(RecoveryCaseTable.LogicalName)
            .Where(c => c.GetAttributeValue<EntityReference>(RecoveryCaseTable.Columns.Property)?.Id == property
                && In(c.GetAttributeValue<DateTime?>(RecoveryCaseTable.Columns.ClosedOn))
                && Option(c, RecoveryCaseTable.Columns.Outcome).HasValue)
            .ToList();
        expected.Add((KpiCode.Recovery, recoveries.Count(c => Option(c, RecoveryCaseTable.Columns.Outcome) == Choices.RecoveryOutcome.Recovered), recoveries.Count));

        var propertyUnits = units.Select(u => u.Id).ToHashSet();
        var bills = dataverse.PeekAll(FeeBillTable.LogicalName)
            .Where(b => b.GetAttributeValue<EntityReference>(FeeBillTable.Columns.Unit) is { } unit && propertyUnits.Contains(unit.Id))
            .ToList();
        (KpiCode, decimal, decimal) Collection(KpiCode code, DateTime from)
        {
            var set = bills.Where(b => b.GetAttributeValue<DateTime>(FeeBillTable.Columns.PeriodStart) >= from && b.GetAttributeValue<DateTime>(FeeBillTable.Columns.PeriodStart) < month.Next().FirstDay).ToList();
            return (code, set.Sum(b => b.GetAttributeValue<Money>(FeeBillTable.Columns.AmountPaid)?.Value ?? 0m), set.Sum(b => b.GetAttributeValue<Money>(FeeBillTable.Columns.AmountDue)?.Value ?? 0m));
        }

        expected.Add(Collection(KpiCode.FeeCollection, month.FirstDay));
        expected.Add(Collection(KpiCode.FeeCollectionYearToDate, month.YearFirstDay));

        var owners = dataverse.PeekAll(OccupancyTable.LogicalName)
            .Where(o => Option(o, OccupancyTable.Columns.StateCode) == 0 && o.GetAttributeValue<EntityReference>(OccupancyTable.Columns.Unit) is { } unit && propertyUnits.Contains(unit.Id))
            .Select(o => o.GetAttributeValue<EntityReference>(OccupancyTable.Columns.Contact).Id)
            .Distinct()
            .ToList();
        var churned = owners.Count(o => Option(dataverse.Peek(ContactTable.LogicalName, o)!, ContactTable.Columns.LifecycleStage) == Choices.LifecycleStage.Churned);
        expected.Add((KpiCode.OwnerRetention, owners.Count - churned, owners.Count));
        var withPoints = dataverse.PeekAll(PointsEntryTable.LogicalName)
            .Where(p => In(p.GetAttributeValue<DateTime?>(PointsEntryTable.Columns.OccurredOn)))
            .Select(p => p.GetAttributeValue<EntityReference>(PointsEntryTable.Columns.Contact).Id)
            .ToHashSet();
        expected.Add((KpiCode.PointsActivity, owners.Count(withPoints.Contains), owners.Count));

        // 活动参与率: owners of the property checked in, in the month, to an event of the property (each owner once).
        var events = dataverse.PeekAll(CommunityEventTable.LogicalName)
            .Where(e => e.GetAttributeValue<EntityReference>(CommunityEventTable.Columns.Property)?.Id == property)
            .Select(e => e.Id)
            .ToHashSet();
        var checkedIn = dataverse.PeekAll(EventAttendanceTable.LogicalName)
            .Where(a => Option(a, EventAttendanceTable.Columns.Status) == Choices.AttendanceStatus.CheckedIn
                && In(a.GetAttributeValue<DateTime?>(EventAttendanceTable.Columns.CheckedInOn))
                && events.Contains(a.GetAttributeValue<EntityReference>(EventAttendanceTable.Columns.Event).Id))
            .Select(a => a.GetAttributeValue<EntityReference>(EventAttendanceTable.Columns.Contact).Id)
            .ToHashSet();
        expected.Add((KpiCode.EventParticipation, owners.Count(checkedIn.Contains), owners.Count));

        // 建议回复率: received in the month, answered since; 建议采纳率: adopted among those decided in the month.
        var suggestions = dataverse.PeekAll(SuggestionTable.LogicalName)
            .Where(x => x.GetAttributeValue<EntityReference>(SuggestionTable.Columns.Property)?.Id == property)
            .ToList();
        var received = suggestions.Where(x => In(x.GetAttributeValue<DateTime?>(SuggestionTable.Columns.CreatedOn))).ToList();
        expected.Add((KpiCode.SuggestionAnswerRate, received.Count(x => x.GetAttributeValue<DateTime?>(SuggestionTable.Columns.AnsweredOn).HasValue), received.Count));
        var decided = suggestions
            .Where(x => In(x.GetAttributeValue<DateTime?>(SuggestionTable.Columns.DecidedOn))
                && Option(x, SuggestionTable.Columns.Status) is Choices.SuggestionStatus.Adopted or Choices.SuggestionStatus.Declined)
            .ToList();
        expected.Add((KpiCode.SuggestionAdoptionRate, decided.Count(x => Option(x, SuggestionTable.Columns.Status) == Choices.SuggestionStatus.Adopted), decided.Count));
        var retentions = dataverse.PeekAll(RetentionCaseTable.LogicalName)
            .Where(c => c.GetAttributeValue<EntityReference>(RetentionCaseTable.Columns.Property)?.Id == property
                && In(c.GetAttributeValue<DateTime?>(RetentionCaseTable.Columns.ClosedOn))
                && Option(c, RetentionCaseTable.Columns.Outcome).HasValue)
            .ToList();
        expected.Add((KpiCode.RetentionCaseSuccess, retentions.Count(c => Option(c, RetentionCaseTable.Columns.Outcome) == Choices.RetentionOutcome.Retained), retentions.Count));
        return expected;
    }
}
