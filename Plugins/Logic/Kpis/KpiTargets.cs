using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.Kpis;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.KpiTargetTable.Columns;

namespace PropertyCrm.Plugins.Logic.Kpis;

/// <summary>The admins' per-property target overrides (<c>pcrm_kpitarget</c>, active rows): one query per call.</summary>
public sealed class KpiTargets
{
    private readonly Dictionary<string, decimal> targets;

    private KpiTargets(Dictionary<string, decimal> targets)
    {
        this.targets = targets;
    }

    public static KpiTargets Read(IOrganizationService service)
    {
        var query = new QueryExpression(KpiTargetTable.LogicalName)
        {
            ColumnSet = new ColumnSet(Columns.Property, Columns.Kpi, Columns.Target),
            Criteria = { Conditions = { new ConditionExpression(Columns.StateCode, ConditionOperator.Equal, 0) } },
        };
        var found = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var row in service.RetrieveAll(query))
        {
            var property = row.GetAttributeValue<EntityReference>(Columns.Property);
            var kpi = row.GetAttributeValue<OptionSetValue>(Columns.Kpi);
            var target = row.GetAttributeValue<decimal?>(Columns.Target);
            if (property is not null && kpi is not null && target.HasValue)
            {
                found[Key(property.Id, kpi.Value)] = target.Value;
            }
        }

        return new KpiTargets(found);
    }

    /// <summary>The property's override of <paramref name="code"/>; null: the default applies.</summary>
    public decimal? For(Guid property, KpiCode code) =>
        targets.TryGetValue(Key(property, OptionValues.ToOption(code).Value), out var target) ? target : null;

    private static string Key(Guid property, int option) => property.ToString("N") + ":" + option.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
