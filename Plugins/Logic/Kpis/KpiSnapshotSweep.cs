using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Kpis;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Logic.Sweep;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.KpiSnapshotTable.Columns;

namespace PropertyCrm.Plugins.Logic.Kpis;

/// <summary>
/// The nightly KPI snapshot behind <c>pcrm_RunKpiSnapshot</c>: for each active property (in id order) and each requested
/// month, counts the KPIs with aggregate queries (<see cref="KpiCounter"/>) and writes one <c>pcrm_kpisnapshot</c> row
/// per KPI by Upsert on the alternate key property + period + KPI, so a re-run replaces the month's rows and never adds
/// a second one. Reads and writes run as SYSTEM: a KPI counts every row of the property, whoever may see them.
/// </summary>
/// <remarks>
/// <para><b>Lock.</b> The <see cref="SweepJob"/> row <c>kpi-snapshot</c>: two calls never compute at once.</para>
/// <para><b>Budget.</b> Checked after each property-month (never before the first), so every call makes progress; the
/// token is the (month start, property id) last completed and the next call resumes after it.</para>
/// <para><b>Calls.</b> Lock 1 Upsert + 1 Retrieve + 1 Update; 1 query of properties; 1 query of targets; per property 3
/// aggregates (households, owners, churned owners); per property-month 22 aggregates and one Upsert per KPI row.</para>
/// </remarks>
public sealed class KpiSnapshotSweep
{
    private readonly ExecutionScope scope;

    public KpiSnapshotSweep(ExecutionScope scope)
    {
        this.scope = Guard.NotNull(scope, nameof(scope));
    }

    public KpiSnapshotResult Run(KpiSnapshotRequest request, ISweepBudget budget)
    {
        Guard.NotNull(request, nameof(request));
        Guard.NotNull(budget, nameof(budget));

        var service = scope.SystemService;
        var job = SweepJob.Take(service, SweepJobTable.Jobs.KpiSnapshot, scope.Now);
        var targets = KpiTargets.Read(service);
        var counter = new KpiCounter(service);
        var properties = ActiveProperties(service);
        var months = request.Months;
        var cursor = request.Continuation;
        int processed = 0, written = 0;
        var startIndex = 0;
        if (cursor is not null)
        {
            var at = properties.FindIndex(p => p.Id == cursor.RequestId);
            startIndex = at < 0 ? 0 : at;
        }

        for (var p = startIndex; p < properties.Count; p++)
        {
            var property = properties[p];
            KpiCounter.PropertyFacts? facts = null;
            foreach (var month in months)
            {
                if (cursor is not null && property.Id == cursor.RequestId && month.StartUtc <= cursor.NextEscalationOnUtc)
                {
                    continue;
                }

                if (processed > 0 && budget.IsSpent)
                {
                    job.Finish(scope.Now, processed, written, cursor?.ToString());
                    return new KpiSnapshotResult(processed, written, true, cursor);
                }

                facts ??= counter.ReadPropertyFacts(property.Id);
                foreach (var count in counter.Count(property.Id, month, facts))
                {
                    Write(service, property, month, KpiResult.Of(count, targets.For(property.Id, count.Code)));
                    written++;
                }

                processed++;
                cursor = new SweepContinuation(month.StartUtc, property.Id);
            }
        }

        scope.Trace($"KPI snapshot: {processed} property-months, {written} rows.");
        job.Finish(scope.Now, processed, written, null);
        return new KpiSnapshotResult(processed, written, false, null);
    }

    private static List<Entity> ActiveProperties(IOrganizationService service)
    {
        var query = new QueryExpression(PropertyTable.LogicalName)
        {
            ColumnSet = new ColumnSet(PropertyTable.Columns.Name),
            Criteria = { Conditions = { new ConditionExpression(PropertyTable.Columns.StateCode, ConditionOperator.Equal, 0) } },
            Orders = { new OrderExpression(PropertyTable.PrimaryId, OrderType.Ascending) },
        };
        return service.RetrieveAll(query).ToList();
    }

    private void Write(IOrganizationService service, Entity property, KpiMonth month, KpiResult result)
    {
        var definition = KpiCatalog.Get(result.Code);
        var keys = new KeyAttributeCollection
        {
            { Columns.Property, new EntityReference(PropertyTable.LogicalName, property.Id) },
            { Columns.Period, month.ToString() },
            { Columns.Kpi, OptionValues.ToOption(result.Code) },
        };
        var row = new Entity(KpiSnapshotTable.LogicalName, keys)
        {
            [Columns.Name] = ColumnText.Fit($"{month} {definition.Chinese} {definition.English} · {property.GetAttributeValue<string>(PropertyTable.Columns.Name)}", KpiSnapshotTable.MaxLengths.Name),
            [Columns.Property] = new EntityReference(PropertyTable.LogicalName, property.Id),
            [Columns.Period] = month.ToString(),
            [Columns.Kpi] = OptionValues.ToOption(result.Code),
            [Columns.PeriodStart] = month.FirstDay,
            [Columns.Numerator] = result.Numerator,
            [Columns.Denominator] = result.Denominator,
            [Columns.Value] = result.Value,
            [Columns.Target] = result.Target,
            [Columns.Met] = result.Met,
            [Columns.ComputedOn] = scope.Now,
        };
        service.Execute(new UpsertRequest { Target = row });
    }
}
