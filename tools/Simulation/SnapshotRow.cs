using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Kpis;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.KpiSnapshotTable.Columns;

namespace PropertyCrm.Simulation;

/// <summary>One <c>pcrm_kpisnapshot</c> row as the reports show it.</summary>
public sealed record SnapshotRow(string Property, Guid PropertyId, string Period, KpiCode Kpi, decimal? Value, decimal Numerator, decimal Denominator, decimal? Target, bool? Met)
{
    public KpiDefinition Definition => KpiCatalog.Get(Kpi);

    /// <summary>Every snapshot row in the harness, by property name, period and KPI.</summary>
    public static IReadOnlyList<SnapshotRow> ReadAll(FakeDataverse dataverse)
    {
        var names = dataverse.PeekAll(PropertyTable.LogicalName).ToDictionary(p => p.Id, p => p.GetAttributeValue<string>(PropertyTable.Columns.Name));
        return dataverse.PeekAll(KpiSnapshotTable.LogicalName)
            .Select(r =>
            {
                var property = r.GetAttributeValue<EntityReference>(Columns.Property).Id;
                return new SnapshotRow(
                    names[property],
                    property,
                    r.GetAttributeValue<string>(Columns.Period),
                    OptionValues.ToEnum<KpiCode>(r.GetAttributeValue<OptionSetValue>(Columns.Kpi)) ?? throw new InvalidOperationException("Unknown KPI."),
                    r.GetAttributeValue<decimal?>(Columns.Value),
                    r.GetAttributeValue<decimal?>(Columns.Numerator) ?? 0m,
                    r.GetAttributeValue<decimal?>(Columns.Denominator) ?? 0m,
                    r.GetAttributeValue<decimal?>(Columns.Target),
                    r.GetAttributeValue<bool?>(Columns.Met));
            })
            .OrderBy(r => r.Property, StringComparer.Ordinal)
            .ThenBy(r => r.Period, StringComparer.Ordinal)
            .ThenBy(r => r.Kpi)
            .ToList();
    }
}
