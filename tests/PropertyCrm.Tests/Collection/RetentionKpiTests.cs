using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Steps.Kpis;
using PropertyCrm.Schema.OptionSets;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Collection;

/// <summary>KPI 27 挽留率 through pcrm_RunKpiSnapshot: retention cases of the property closed in the month with an outcome.</summary>
public sealed class RetentionKpiTests
{
    private readonly Care.CareBed bed = new();

    [Fact]
    public void RunKpiSnapshot_ClosedRetentionCases_RetainedOverClosedWithAnOutcomeOfThePropertyAndMonth()
    {
        var property = bed.Data.Property("项目 / Property");
        var other = bed.Data.Property("项目 / Other");
        Case(property, RetentionOutcome.Retained, "2026-03-02");
        Case(property, RetentionOutcome.Retained, "2026-03-31");
        Case(property, RetentionOutcome.Left, "2026-03-15");
        Case(property, RetentionOutcome.Retained, "2026-02-27"); // closed in February
        Case(property, null, null); // still open
        Case(other, RetentionOutcome.Left, "2026-03-10"); // another property
        bed.Today("2026-04-05");

        bed.Dataverse.Service.Execute(new OrganizationRequest(RunKpiSnapshotPlugin.ApiName) { [RunKpiSnapshotPlugin.MonthParameter] = "2026-03" });

        var row = Assert.Single(bed.Dataverse.PeekAll(KpiSnapshotTable.LogicalName), r =>
            r.GetAttributeValue<EntityReference>(KpiSnapshotTable.Columns.Property).Id == property
            && r.GetAttributeValue<OptionSetValue>(KpiSnapshotTable.Columns.Kpi).Value == Kpi.RetentionCaseSuccess
            && r.GetAttributeValue<string>(KpiSnapshotTable.Columns.Period) == "2026-03");
        Assert.Equal(2m, row.GetAttributeValue<decimal>(KpiSnapshotTable.Columns.Numerator));
        Assert.Equal(3m, row.GetAttributeValue<decimal>(KpiSnapshotTable.Columns.Denominator));
        Assert.Equal(0.6667m, row.GetAttributeValue<decimal>(KpiSnapshotTable.Columns.Value));
    }

    private void Case(Guid property, int? outcome, string? closedOn)
    {
        var owner = bed.Data.Owner();
        var row = new Entity(RetentionCaseTable.LogicalName)
        {
            [RetentionCaseTable.Columns.Name] = "挽留 / Retention",
            [RetentionCaseTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
            [RetentionCaseTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, property),
            [RetentionCaseTable.Columns.RiskSince] = DataProducer.DateOnly("2026-01-16"),
            [RetentionCaseTable.Columns.Key] = $"{owner:N}|20260116",
        };
        if (outcome.HasValue && closedOn is not null)
        {
            row[RetentionCaseTable.Columns.Outcome] = new OptionSetValue(outcome.Value);
            row[RetentionCaseTable.Columns.ClosedOn] = DataProducer.At(closedOn);
            row[RetentionCaseTable.Columns.StateCode] = new OptionSetValue(RetentionCaseTable.States.Inactive);
            row[RetentionCaseTable.Columns.StatusCode] = new OptionSetValue(RetentionCaseTable.StatusReasons.Closed);
        }

        bed.Dataverse.Seed(row);
    }
}
