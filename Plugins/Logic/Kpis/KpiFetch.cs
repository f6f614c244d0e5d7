using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace PropertyCrm.Plugins.Logic.Kpis;

/// <summary>
/// FetchXML aggregate queries for the KPIs: the platform counts and sums, the plug-in reads only the groups (never the
/// rows). Every query is filtered to one property and one month, so each aggregates far fewer rows than Dataverse's
/// 50,000-row aggregate limit (AggregateQueryRecordLimit exceeded).
/// </summary>
internal static class KpiFetch
{
    /// <summary>An instant as FetchXML takes it (UTC, ISO 8601).</summary>
    public static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A date-only value as FetchXML takes it.</summary>
    public static string Date(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Condition(string attribute, string op, object? value = null) =>
        value is null
            ? $"<condition attribute='{attribute}' operator='{op}' />"
            : $"<condition attribute='{attribute}' operator='{op}' value='{SecurityElement.Escape(Convert.ToString(value, CultureInfo.InvariantCulture))}' />";

    /// <summary>An <c>in</c> condition over whole-number or choice values.</summary>
    public static string In(string attribute, params int[] values)
    {
        var items = string.Concat(Array.ConvertAll(values, v => "<value>" + v.ToString(CultureInfo.InvariantCulture) + "</value>"));
        return $"<condition attribute='{attribute}' operator='in'>{items}</condition>";
    }

    /// <summary>Runs one aggregate query; each result row is a group.</summary>
    public static IReadOnlyList<Entity> Run(IOrganizationService service, string fetchXml) =>
        service.RetrieveMultiple(new FetchExpression(fetchXml)).Entities;

    /// <summary>A count or sum of the single group (0 when absent).</summary>
    public static decimal Single(IOrganizationService service, string fetchXml, string alias)
    {
        var rows = Run(service, fetchXml);
        return rows.Count == 0 ? 0m : Number(rows[0], alias);
    }

    /// <summary>An aliased aggregate as a number: count (int), sum of money (Money), sum/avg of numbers.</summary>
    public static decimal Number(Entity row, string alias) =>
        row.GetAttributeValue<AliasedValue>(alias)?.Value switch
        {
            null => 0m,
            int i => i,
            long l => l,
            decimal d => d,
            double f => (decimal)f,
            Money m => m.Value,
            var other => throw new InvalidOperationException($"Aggregate '{alias}' returned {other.GetType().Name}."),
        };

    /// <summary>A group-by column's value as a choice or yes/no code (null: the group of empty values).</summary>
    public static int? GroupCode(Entity row, string alias) =>
        row.GetAttributeValue<AliasedValue>(alias)?.Value switch
        {
            OptionSetValue o => o.Value,
            bool b => b ? 1 : 0,
            int i => i,
            _ => null,
        };
}
