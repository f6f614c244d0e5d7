using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness.Query;

// From matching rows to the page the caller gets: order, paging cookie, top/count, columns, distinct.
internal sealed partial class QueryEvaluator
{
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
