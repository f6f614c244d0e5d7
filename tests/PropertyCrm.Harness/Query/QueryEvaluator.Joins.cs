using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness.Query;

// The rows a query sees: the primary table joined with its link-entities, filtered.
internal sealed partial class QueryEvaluator
{
    private List<JoinedRow> Join(
        QueryExpression query,
        Dictionary<LinkEntity,
        string> aliases,
        Transaction? transaction,
        ConditionEvaluator evaluator,
        System.Func<StoredRow,
        bool>? readable)
    {
        var rows = Visible(query.EntityName, transaction, Seek(query))
            .Where(r => readable is null || readable(r))
            .Select(r => new JoinedRow(r))
            .ToList();
        foreach (var link in query.LinkEntities)
        {
            rows = Link(rows, link, null, aliases, transaction, evaluator, readable);
        }

        return rows;
    }

    // Every row in the version the reader sees (read committed snapshot): no waiting. NoLock (FetchXML no-lock)
    // changes nothing: under snapshot reads Dataverse ignores the hint, so it never reads uncommitted data.
    private IEnumerable<StoredRow> Visible(string logicalName, Transaction? transaction, IEnumerable<StoredRow>? candidates = null) =>
        (candidates ?? dataverse.Store.RowsOf(logicalName))
            .Select(r => RowStore.VisibleVersion(r, transaction))
            .Where(r => r is not null)
            .Select(r => r!);

    // The rows an equality or In condition of the top-level AND filter can seek through the store's index (the
    // condition naming the fewest rows; an In's candidates are the union of its values'), or null to scan the table.
    // Every row that can match is among them, so the whole filter, applied to them afterwards, gives the scan's answer;
    // the sort (primary key last) makes the order the same. Values seek by id or whole number, text by a
    // case-insensitive key on columns that hold only text (EqualityIndex.TextKey); anything else scans.
    private IEnumerable<StoredRow>? Seek(QueryExpression query)
    {
        var store = dataverse.Store;
        if (!store.UseEqualityIndex || query.Criteria is null || query.Criteria.FilterOperator != LogicalOperator.And)
        {
            return null;
        }

        List<IReadOnlyCollection<Guid>>? best = null;
        var bestCount = 0;
        foreach (var condition in query.Criteria.Conditions)
        {
            if (!string.IsNullOrEmpty(condition.EntityName) || string.IsNullOrEmpty(condition.AttributeName))
            {
                continue;
            }

            // The values as the evaluator reads them (an In's array flattened); an Equal with other than one value
            // scans, and fails there as it would.
            var values = condition.Operator is ConditionOperator.Equal or ConditionOperator.In ? ConditionEvaluator.Flatten(condition.Values) : null;
            if (values is null || values.Count == 0 || (condition.Operator == ConditionOperator.Equal && values.Count != 1) || CandidateIds(query.EntityName, condition.AttributeName, values) is not { } ids)
            {
                continue;
            }

            var count = ids.Sum(i => i.Count);
            if (best is null || count < bestCount)
            {
                (best, bestCount) = (ids, count);
            }
        }

        return best is null || bestCount >= store.CountOf(query.EntityName) ? null : store.Candidates(query.EntityName, best.SelectMany(i => i));
    }

    // The index's ids for each value, or null when one of them cannot seek.
    private List<IReadOnlyCollection<Guid>>? CandidateIds(string table, string column, IEnumerable<object?> values)
    {
        var ids = new List<IReadOnlyCollection<Guid>>();
        foreach (var value in values)
        {
            var key = EqualityIndex.QueryKeyOf(value);
            if (key is null || dataverse.Store.CandidateIds(table, column, key) is not { } found)
            {
                return null;
            }

            ids.Add(found);
        }

        return ids;
    }

    // The linked table's rows that can join the rows so far, through the equality index on the link-to column, or null
    // to scan it: used when every row's link-from value is a seek key (id or whole number) and they are few against the
    // table. The candidates then pass the same visible-version, access, key and link-criteria checks as a scan's rows.
    private IEnumerable<StoredRow>? SeekLinked(List<JoinedRow> rows, LinkEntity link, string? parentAlias)
    {
        var store = dataverse.Store;
        if (!store.UseEqualityIndex)
        {
            return null;
        }

        var keys = new HashSet<object>();
        foreach (var row in rows)
        {
            var from = row.Get(parentAlias, link.LinkFromAttributeName);
            if (from is null)
            {
                continue;
            }

            if (EqualityIndex.SeekKeyOf(from) is not { } key)
            {
                return null;
            }

            keys.Add(key);
        }

        if (keys.Count * 4 >= store.CountOf(link.LinkToEntityName))
        {
            return null;
        }

        return keys.SelectMany(k => store.Candidates(link.LinkToEntityName, link.LinkToAttributeName, k)).Distinct().OrderBy(r => r.Sequence).ToList();
    }

    private List<JoinedRow> Link(
        List<JoinedRow> rows,
        LinkEntity link,
        string? parentAlias,
        Dictionary<LinkEntity,
        string> aliases,
        Transaction? transaction,
        ConditionEvaluator evaluator,
        System.Func<StoredRow,
        bool>? readable)
    {
        var alias = aliases[link];
        var index = new Dictionary<object, List<StoredRow>>();
        foreach (var candidate in Visible(link.LinkToEntityName, transaction, SeekLinked(rows, link, parentAlias)).Where(r => readable is null || readable(r)))
        {
            var key = ValueComparer.Normalize(candidate.Attributes.TryGetValue(link.LinkToAttributeName, out var v) ? v : null);
            if (key is null)
            {
                continue;
            }

            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = new List<StoredRow>();
            }

            list.Add(candidate);
        }

        var result = new List<JoinedRow>(rows.Count);
        foreach (var row in rows)
        {
            var from = ValueComparer.Normalize(row.Get(parentAlias, link.LinkFromAttributeName));
            var matches = from is not null && index.TryGetValue(from, out var found)
                ? found.Where(c => Matches(link.LinkCriteria, row.With(alias, c), alias, aliases, evaluator)).ToList()
                : new List<StoredRow>();
            switch (link.JoinOperator)
            {
                case JoinOperator.Inner:
                case JoinOperator.Natural:
                    result.AddRange(matches.Select(m => row.With(alias, m)));
                    break;
                case JoinOperator.LeftOuter:
                    if (matches.Count == 0)
                    {
                        result.Add(row.With(alias, null));
                    }
                    else
                    {
                        result.AddRange(matches.Select(m => row.With(alias, m)));
                    }

                    break;
                case JoinOperator.MatchFirstRowUsingCrossApply:
                    if (matches.Count > 0)
                    {
                        result.Add(row.With(alias, matches[0]));
                    }

                    break;
                case JoinOperator.In:
                case JoinOperator.Exists:
                case JoinOperator.Any:
                    if (matches.Count > 0)
                    {
                        result.Add(row);
                    }

                    break;
                case JoinOperator.NotAny:
                    if (matches.Count == 0)
                    {
                        result.Add(row);
                    }

                    break;
                default:
                    throw Faults.NotSupported($"Join operator {link.JoinOperator} is not supported by the harness.");
            }
        }

        var joined = link.JoinOperator is JoinOperator.Inner or JoinOperator.Natural or JoinOperator.LeftOuter or JoinOperator.MatchFirstRowUsingCrossApply;
        if (joined)
        {
            foreach (var nested in link.LinkEntities)
            {
                result = Link(result, nested, alias, aliases, transaction, evaluator, readable);
            }
        }

        return result;
    }

    private static bool Matches(FilterExpression? filter, JoinedRow row, string? defaultAlias, Dictionary<LinkEntity, string> aliases, ConditionEvaluator evaluator)
    {
        if (filter is null || (filter.Conditions.Count == 0 && filter.Filters.Count == 0))
        {
            return true;
        }

        var or = filter.FilterOperator == LogicalOperator.Or;
        foreach (var condition in filter.Conditions)
        {
            var alias = string.IsNullOrEmpty(condition.EntityName) ? defaultAlias : ResolveAlias(condition.EntityName, row, aliases);
            var result = evaluator.Evaluate(condition, row.Get(alias, condition.AttributeName));
            if (or && result)
            {
                return true;
            }

            if (!or && !result)
            {
                return false;
            }
        }

        foreach (var child in filter.Filters)
        {
            var result = Matches(child, row, defaultAlias, aliases, evaluator);
            if (or && result)
            {
                return true;
            }

            if (!or && !result)
            {
                return false;
            }
        }

        return !or;
    }

    private static string? ResolveAlias(string entityName, JoinedRow row, Dictionary<LinkEntity, string> aliases)
    {
        if (row.HasAlias(entityName) || aliases.ContainsValue(entityName))
        {
            return entityName;
        }

        if (row.Main.LogicalName == entityName)
        {
            return null;
        }

        var byTable = aliases.FirstOrDefault(a => a.Key.LinkToEntityName == entityName);
        return byTable.Key is not null
            ? byTable.Value
            : throw Faults.InvalidArgument($"The query has no link-entity with alias or name '{entityName}'.");
    }
}
