using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness.Query;

/// <summary>
/// FetchXML aggregation: groups the filtered, joined rows by the group-by columns and computes count,
/// countcolumn, sum, avg, min and max. Every column comes back as an AliasedValue under its alias:
/// count is an int, a sum of Money is Money, min/max keep the column's type.
/// </summary>
internal static class AggregateEvaluator
{
    /// <summary>Dataverse refuses to aggregate over more rows than this.</summary>
    public const int MaxAggregateRows = 50_000;

    public static EntityCollection Evaluate(FetchQuery fetch, List<JoinedRow> rows, Dictionary<LinkEntity, string> aliases)
    {
        if (rows.Count > MaxAggregateRows)
        {
            throw DataverseFaultException.Create(DataverseErrorCodes.AggregateQueryRecordLimitExceeded, "The maximum record limit is exceeded. Reduce the number of records.");
        }

        var columns = fetch.AggregateColumns;
        var groupBy = columns.Where(c => c.GroupBy).ToArray();
        object? Value(JoinedRow row, AggregateColumn column) => row.Get(column.Link is null ? null : aliases[column.Link], column.Attribute);

        var groups = groupBy.Length == 0
            ? new List<List<JoinedRow>> { rows }
            : rows.GroupBy(r => string.Join("|", groupBy.Select(g => ValueComparer.ToText(Value(r, g)))), StringComparer.OrdinalIgnoreCase)
                .Select(g => g.ToList())
                .ToList();

        var entities = new List<Entity>();
        foreach (var group in groups)
        {
            var entity = new Entity(fetch.Query.EntityName);
            foreach (var column in columns)
            {
                var value = column.GroupBy
                    ? (group.Count > 0 ? ValueCloner.Clone(Value(group[0], column)) : null)
                    : Compute(column, group.Select(r => Value(r, column)).ToList());
                if (value is not null)
                {
                    entity.Attributes[column.Alias] = new AliasedValue(column.EntityName, column.Attribute, value);
                }
            }

            entities.Add(entity);
        }

        foreach (var (alias, descending) in Enumerable.Reverse(fetch.AggregateOrders))
        {
            entities = (descending
                ? entities.OrderByDescending(e => Normalized(e, alias), Comparer<object?>.Create(ValueComparer.Compare))
                : entities.OrderBy(e => Normalized(e, alias), Comparer<object?>.Create(ValueComparer.Compare))).ToList();
        }

        var page = fetch.Query.PageInfo;
        IEnumerable<Entity> result = entities;
        if (fetch.Query.TopCount is { } top)
        {
            result = result.Take(top);
        }
        else if (page is not null && page.Count > 0)
        {
            result = result.Skip((Math.Max(1, page.PageNumber) - 1) * page.Count).Take(page.Count);
        }

        var collection = new EntityCollection { EntityName = fetch.Query.EntityName, TotalRecordCount = -1 };
        collection.Entities.AddRange(result);
        return collection;
    }

    private static object? Normalized(Entity entity, string alias) =>
        entity.Attributes.TryGetValue(alias, out var value) && value is AliasedValue aliased ? ValueComparer.Normalize(aliased.Value) : null;

    private static object? Compute(AggregateColumn column, List<object?> values)
    {
        var present = values.Where(v => v is not null).Select(v => v!).ToList();
        switch (column.Function)
        {
            case "count":
                return values.Count;
            case "countcolumn":
                return column.Distinct
                    ? present.Select(v => ValueComparer.ToText(v)).Distinct(StringComparer.OrdinalIgnoreCase).Count()
                    : present.Count;
            case "sum":
                return present.Count == 0 ? null : Sum(present);
            case "avg":
                return present.Count == 0 ? null : Average(present);
            case "min":
                return present.Count == 0 ? null : ValueCloner.Clone(present.OrderBy(v => v, Comparer<object>.Create((a, b) => ValueComparer.Compare(a, b))).First());
            case "max":
                return present.Count == 0 ? null : ValueCloner.Clone(present.OrderBy(v => v, Comparer<object>.Create((a, b) => ValueComparer.Compare(a, b))).Last());
            default:
                throw new InvalidOperationException($"Unknown aggregate {column.Function}.");
        }
    }

    private static object Sum(List<object> values) => values[0] switch
    {
        Money => new Money(values.Sum(v => ((Money)v).Value)),
        int => values.Sum(v => (int)v),
        long => values.Sum(v => (long)v),
        double => values.Sum(v => (double)v),
        decimal => values.Sum(v => (decimal)v),
        var other => throw DataverseFaultException.Create(DataverseErrorCodes.QueryBuilderInvalidValue, $"Cannot sum a column of type {other.GetType().Name}."),
    };

    private static object Average(List<object> values) => values[0] switch
    {
        Money => new Money(values.Average(v => ((Money)v).Value)),
        int => values.Average(v => (decimal)(int)v),
        long => values.Average(v => (decimal)(long)v),
        double => values.Average(v => (double)v),
        decimal => values.Average(v => (decimal)v),
        var other => throw DataverseFaultException.Create(DataverseErrorCodes.QueryBuilderInvalidValue, $"Cannot average a column of type {other.GetType().Name}."),
    };
}
