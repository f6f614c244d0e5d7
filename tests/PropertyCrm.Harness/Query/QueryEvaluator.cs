using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness.Diagnostics;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness.Query;

/// <summary>
/// Runs QueryExpression, QueryByAttribute and FetchXML against the row store: joins, filters, orders,
/// distinct, top, paging with Dataverse's cookies and limits. Evaluation holds the store's gate, after
/// waiting for rows other transactions hold that the query could read.
/// </summary>
internal sealed class QueryEvaluator
{
    /// <summary>Dataverse's default and largest page (and largest "top").</summary>
    public const int MaxPageSize = 5000;

    private readonly FakeDataverse dataverse;

    public QueryEvaluator(FakeDataverse dataverse)
    {
        this.dataverse = dataverse;
    }

    public string EntityNameOf(QueryBase query) => query switch
    {
        QueryExpression qe => qe.EntityName ?? throw Faults.InvalidArgument("QueryExpression.EntityName is required."),
        QueryByAttribute qa => qa.EntityName ?? throw Faults.InvalidArgument("QueryByAttribute.EntityName is required."),
        FetchExpression fe => FetchXmlParser.Parse(fe.Query).Query.EntityName,
        _ => throw Faults.NotSupported($"Query type {query?.GetType().Name} is not supported."),
    };

    public EntityCollection Execute(QueryBase query, Transaction? transaction, ExecutionRecord? record, Guid userId = default)
    {
        switch (query)
        {
            case QueryExpression expression:
                return ExecuteExpression(expression, transaction, record, userId, null);
            case QueryByAttribute byAttribute:
                return ExecuteExpression(ToExpression(byAttribute), transaction, record, userId, null);
            case FetchExpression fetch:
                var parsed = FetchXmlParser.Parse(fetch.Query);
                return ExecuteExpression(parsed.Query, transaction, record, userId, parsed.IsAggregate ? parsed : null);
            default:
                throw Faults.NotSupported($"Query type {query?.GetType().Name} is not supported.");
        }
    }

    /// <summary>The alias of every link-entity: its EntityAlias, or "{table}{n}" numbered in query order as Dataverse names them.</summary>
    public static Dictionary<LinkEntity, string> AliasesOf(QueryExpression query)
    {
        var aliases = new Dictionary<LinkEntity, string>(ReferenceEqualityComparer.Instance);
        var n = 0;
        void Visit(IEnumerable<LinkEntity> links)
        {
            foreach (var link in links)
            {
                n++;
                aliases[link] = string.IsNullOrEmpty(link.EntityAlias) ? link.LinkToEntityName + n : link.EntityAlias;
                Visit(link.LinkEntities);
            }
        }

        Visit(query.LinkEntities);
        return aliases;
    }

    private static QueryExpression ToExpression(QueryByAttribute byAttribute)
    {
        if (byAttribute.Attributes.Count == 0 || byAttribute.Attributes.Count != byAttribute.Values.Count)
        {
            throw Faults.InvalidArgument("QueryByAttribute needs at least one attribute and one value per attribute.");
        }

        var query = new QueryExpression(byAttribute.EntityName)
        {
            ColumnSet = byAttribute.ColumnSet ?? new ColumnSet(),
            PageInfo = byAttribute.PageInfo ?? new PagingInfo(),
            TopCount = byAttribute.TopCount,
        };
        for (var i = 0; i < byAttribute.Attributes.Count; i++)
        {
            var value = byAttribute.Values[i];
            query.Criteria.Conditions.Add(value is null
                ? new ConditionExpression(byAttribute.Attributes[i], ConditionOperator.Null)
                : new ConditionExpression(byAttribute.Attributes[i], ConditionOperator.Equal, value));
        }

        query.Orders.AddRange(byAttribute.Orders);
        return query;
    }

    private EntityCollection ExecuteExpression(QueryExpression query, Transaction? transaction, ExecutionRecord? record, Guid userId, FetchQuery? aggregate)
    {
        if (string.IsNullOrEmpty(query.EntityName))
        {
            throw Faults.InvalidArgument("The query has no entity name.");
        }

        var aliases = AliasesOf(query);
        if (aggregate is null)
        {
            CountAllColumns(query, record);
        }

        var evaluator = new ConditionEvaluator(dataverse.Clock.UtcNow, userId, dataverse.BusinessUnitOf(userId));
        var store = dataverse.Store;
        lock (store.Gate)
        {
            // NoLock (FetchXML no-lock) reads as SQL's NOLOCK does: no waiting, uncommitted rows included.
            if (!query.NoLock)
            {
                store.WaitForReadableTables(transaction, Scans(query, aliases, evaluator));
            }

            var rows = Join(query, aliases, transaction, evaluator);
            rows = rows.Where(r => Matches(query.Criteria, r, null, aliases, evaluator)).ToList();
            if (aggregate is not null)
            {
                return AggregateEvaluator.Evaluate(aggregate, rows, aliases);
            }

            return Shape(query, rows, aliases);
        }
    }

    private void CountAllColumns(QueryExpression query, ExecutionRecord? record)
    {
        var all = query.ColumnSet?.AllColumns == true;
        void Visit(IEnumerable<LinkEntity> links)
        {
            foreach (var link in links)
            {
                all |= link.Columns?.AllColumns == true;
                Visit(link.LinkEntities);
            }
        }

        Visit(query.LinkEntities);
        if (all)
        {
            dataverse.CountAllColumns(record);
        }
    }

    // Which tables the query reads, and which of their locked rows could matter (see RowStore).
    private IReadOnlyList<(string Table, Func<IReadOnlyDictionary<string, object>, bool> MightMatch)> Scans(
        QueryExpression query, Dictionary<LinkEntity, string> aliases, ConditionEvaluator evaluator)
    {
        var scans = new List<(string, Func<IReadOnlyDictionary<string, object>, bool>)>
        {
            (query.EntityName, attributes => MightMatch(query.Criteria, attributes, null, query.EntityName, evaluator) != false),
        };
        foreach (var (link, alias) in aliases)
        {
            var criteria = link.LinkCriteria;
            scans.Add((link.LinkToEntityName, attributes => MightMatch(criteria, attributes, alias, link.LinkToEntityName, evaluator) != false));
        }

        return scans;
    }

    // Three-valued: conditions on other aliases are unknown (null).
    private static bool? MightMatch(FilterExpression? filter, IReadOnlyDictionary<string, object> attributes, string? alias, string logicalName, ConditionEvaluator evaluator)
    {
        if (filter is null)
        {
            return true;
        }

        var results = new List<bool?>();
        foreach (var condition in filter.Conditions)
        {
            var own = string.IsNullOrEmpty(condition.EntityName) || condition.EntityName == alias || (alias is null && condition.EntityName == logicalName);
            if (!own)
            {
                results.Add(null);
                continue;
            }

            try
            {
                results.Add(evaluator.Evaluate(condition, attributes.TryGetValue(condition.AttributeName, out var v) ? v : null));
            }
            catch (DataverseFaultException)
            {
                results.Add(null);
            }
        }

        results.AddRange(filter.Filters.Select(f => MightMatch(f, attributes, alias, logicalName, evaluator)));
        if (filter.FilterOperator == LogicalOperator.Or)
        {
            return results.Count == 0 ? true : results.Any(r => r == true) ? true : results.Any(r => r is null) ? null : false;
        }

        return results.Any(r => r == false) ? false : results.Any(r => r is null) ? null : true;
    }

    private List<JoinedRow> Join(QueryExpression query, Dictionary<LinkEntity, string> aliases, Transaction? transaction, ConditionEvaluator evaluator)
    {
        var rows = dataverse.Store.RowsOf(query.EntityName)
            .Where(r => Visible(r, transaction, query.NoLock))
            .Select(r => new JoinedRow(r))
            .ToList();
        foreach (var link in query.LinkEntities)
        {
            rows = Link(rows, link, null, aliases, transaction, evaluator, query.NoLock);
        }

        return rows;
    }

    private static bool Visible(StoredRow row, Transaction? transaction, bool noLock) =>
        noLock ? !row.IsDeleted : RowStore.IsVisible(row, transaction);

    private List<JoinedRow> Link(List<JoinedRow> rows, LinkEntity link, string? parentAlias, Dictionary<LinkEntity, string> aliases, Transaction? transaction, ConditionEvaluator evaluator, bool noLock)
    {
        var alias = aliases[link];
        var index = new Dictionary<object, List<StoredRow>>();
        foreach (var candidate in dataverse.Store.RowsOf(link.LinkToEntityName).Where(r => Visible(r, transaction, noLock)))
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
                result = Link(result, nested, alias, aliases, transaction, evaluator, noLock);
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

    private EntityCollection Shape(QueryExpression query, List<JoinedRow> rows, Dictionary<LinkEntity, string> aliases)
    {
        var primaryId = dataverse.Metadata.PrimaryIdAttribute(query.EntityName);
        var sort = SortKeys(query, aliases, primaryId);

        // Normalize each row's sort values once, not at every comparison.
        var keyed = rows.Select(r => (Row: r, Keys: sort.Select(k => ValueComparer.Normalize(k.Value(r))).ToArray())).ToList();
        keyed.Sort((a, b) => CompareKeys(a.Keys, b.Keys, sort));
        rows = keyed.Select(k => k.Row).ToList();

        var paging = query.PageInfo ?? new PagingInfo();
        var pagingRequested = paging.Count > 0 || paging.PageNumber > 1 || !string.IsNullOrEmpty(paging.PagingCookie);
        if (query.TopCount.HasValue && pagingRequested)
        {
            throw Faults.InvalidArgument("TopCount cannot be used together with paging (PageInfo).");
        }

        if (query.TopCount > MaxPageSize)
        {
            throw Faults.InvalidArgument($"TopCount ({query.TopCount}) cannot be greater than {MaxPageSize}.");
        }

        // Rows are projected lazily: only the page is copied out, unless distinct needs every projection.
        var shaped = rows.Select(r => (Row: r, Entity: new Lazy<Entity>(() => Project(query, r, aliases, primaryId)))).ToList();
        if (query.Distinct)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            shaped = shaped.Where(s => seen.Add(Signature(s.Entity.Value))).ToList();
        }

        var result = new EntityCollection { EntityName = query.EntityName, TotalRecordCount = -1 };
        if (paging.ReturnTotalRecordCount)
        {
            result.TotalRecordCount = Math.Min(shaped.Count, MaxPageSize);
            result.TotalRecordCountLimitExceeded = shaped.Count > MaxPageSize;
        }

        if (query.TopCount is { } count)
        {
            result.Entities.AddRange(shaped.Take(count).Select(s => s.Entity.Value));
            return result;
        }

        var pageSize = paging.Count > 0 ? Math.Min(paging.Count, MaxPageSize) : MaxPageSize;
        var pageNumber = Math.Max(1, paging.PageNumber);
        var cookie = PagingCookie.TryParse(paging.PagingCookie);
        IEnumerable<(JoinedRow Row, Lazy<Entity> Entity)> remaining;
        if (cookie is not null && cookie.Page == pageNumber - 1 && CookieFits(cookie, sort))
        {
            remaining = shaped.Where(s => IsAfter(s.Row, cookie, sort));
        }
        else
        {
            remaining = shaped.Skip((pageNumber - 1) * pageSize);
        }

        var page = remaining.Take(pageSize + 1).ToList();
        result.MoreRecords = page.Count > pageSize;
        if (result.MoreRecords)
        {
            page.RemoveAt(pageSize);
        }

        result.Entities.AddRange(page.Select(p => p.Entity.Value));
        if (page.Count > 0 && sort.All(k => k.CookieName is not null))
        {
            var columns = sort.Select(k => (k.CookieName!, k.Value(page[0].Row), k.Value(page[^1].Row))).ToArray();
            result.PagingCookie = PagingCookie.Build(pageNumber, columns);
        }

        return result;
    }

    private static List<SortKey> SortKeys(QueryExpression query, Dictionary<LinkEntity, string> aliases, string primaryId)
    {
        var keys = new List<SortKey>();
        foreach (var order in query.Orders)
        {
            var attribute = order.AttributeName;
            keys.Add(new SortKey(r => r.Get(null, attribute), order.OrderType == OrderType.Descending, attribute));
        }

        foreach (var (link, alias) in aliases)
        {
            foreach (var order in link.Orders)
            {
                var attribute = order.AttributeName;
                keys.Add(new SortKey(r => r.Get(alias, attribute), order.OrderType == OrderType.Descending, null));
            }
        }

        // The primary key makes the order total, so pages (and cookies) are stable.
        if (!query.Orders.Any(o => o.AttributeName == primaryId))
        {
            keys.Add(new SortKey(r => r.Main.Id, false, primaryId));
        }

        return keys;
    }

    private static int CompareKeys(object?[] a, object?[] b, List<SortKey> keys)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            var c = ValueComparer.CompareNormalized(a[i], b[i]);
            if (c != 0)
            {
                return keys[i].Descending ? -c : c;
            }
        }

        return 0;
    }

    private static bool CookieFits(PagingCookie cookie, List<SortKey> keys) =>
        cookie.Values.Count == keys.Count
        && cookie.Values.Zip(keys, (v, k) => v.Attribute == k.CookieName).All(x => x);

    private static bool IsAfter(JoinedRow row, PagingCookie cookie, List<SortKey> keys)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            var value = ValueComparer.Normalize(keys[i].Value(row));
            var last = cookie.Values[i];
            int c;
            if (last.LastIsNull || last.Last is null)
            {
                c = value is null ? 0 : 1;
            }
            else
            {
                c = value is null ? -1 : ValueComparer.Compare(value, last.Last);
            }

            if (c != 0)
            {
                return keys[i].Descending ? c < 0 : c > 0;
            }
        }

        return false;
    }

    private Entity Project(QueryExpression query, JoinedRow row, Dictionary<LinkEntity, string> aliases, string primaryId)
    {
        var columns = query.ColumnSet ?? new ColumnSet();
        var entity = ValueCloner.ToEntity(row.Main, columns.AllColumns ? null : columns.Columns, primaryId, dataverse.NameOf);
        if (query.Distinct && !columns.AllColumns && !columns.Columns.Contains(primaryId))
        {
            // With distinct, Dataverse returns only the requested columns: the key would defeat distinct.
            entity.Attributes.Remove(primaryId);
            entity.Id = Guid.Empty;
        }

        foreach (var (link, alias) in aliases)
        {
            var linked = row.Linked(alias);
            if (linked is null || link.Columns is null)
            {
                continue;
            }

            var names = link.Columns.AllColumns ? linked.Attributes.Keys.ToArray() : link.Columns.Columns.ToArray();
            foreach (var name in names)
            {
                if (linked.Attributes.TryGetValue(name, out var value))
                {
                    entity.Attributes[alias + "." + name] = new AliasedValue(link.LinkToEntityName, name, ValueCloner.Named(value, dataverse.NameOf));
                }
            }
        }

        return entity;
    }

    private static string Signature(Entity entity) =>
        string.Join("|", entity.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + ValueComparer.ToText(a.Value)));

    private sealed record SortKey(Func<JoinedRow, object?> Value, bool Descending, string? CookieName);
}
