using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace PropertyCrm.Harness;

/// <summary>
/// Every committed row of every table with its row version, taken by <see cref="FakeDataverse.CaptureStore"/> between
/// requests: what a fault test compares before and after a failed request ("exactly as before": same rows, same
/// versions, same values), and what a sweep test compares between a run with and a run without faults.
/// </summary>
public sealed class StoreImage
{
    private readonly Dictionary<string, Dictionary<Guid, Entity>> tables;

    internal StoreImage(Dictionary<string, Dictionary<Guid, Entity>> tables, int lockedRows)
    {
        this.tables = tables;
        LockedRows = lockedRows;
    }

    /// <summary>Rows still locked by a transaction when the image was taken (0 between requests, or a lock leaked).</summary>
    public int LockedRows { get; }

    /// <summary>The tables that hold at least one row, in ordinal order.</summary>
    public IReadOnlyList<string> TableNames => tables.Where(t => t.Value.Count > 0).Select(t => t.Key).OrderBy(t => t, StringComparer.Ordinal).ToArray();

    /// <summary>Copies of the rows of a table (RowVersion set), in id order.</summary>
    public IReadOnlyList<Entity> Rows(string logicalName) =>
        tables.TryGetValue(logicalName, out var rows) ? rows.Values.OrderBy(r => r.Id).ToArray() : Array.Empty<Entity>();

    /// <summary>
    /// What differs in <paramref name="later"/>: rows added or removed, versions or values changed, one line each
    /// (empty when the store is exactly as it was).
    /// </summary>
    public IReadOnlyList<string> Differences(StoreImage later)
    {
        if (later is null)
        {
            throw new ArgumentNullException(nameof(later));
        }

        var lines = new List<string>();
        foreach (var table in tables.Keys.Union(later.tables.Keys).OrderBy(t => t, StringComparer.Ordinal))
        {
            var before = tables.TryGetValue(table, out var b) ? b : new Dictionary<Guid, Entity>();
            var after = later.tables.TryGetValue(table, out var a) ? a : new Dictionary<Guid, Entity>();
            foreach (var id in before.Keys.Union(after.Keys).OrderBy(i => i))
            {
                var had = before.TryGetValue(id, out var old);
                var has = after.TryGetValue(id, out var now);
                if (!had)
                {
                    lines.Add($"{table} {id}: added");
                }
                else if (!has)
                {
                    lines.Add($"{table} {id}: removed");
                }
                else
                {
                    lines.AddRange(RowDifferences(table, old!, now!));
                }
            }
        }

        if (later.LockedRows != 0)
        {
            lines.Add($"{later.LockedRows} row(s) still locked");
        }

        return lines;
    }

    /// <summary>Whether two stored values are the same (Money, choices and lookups by value; others by Equals).</summary>
    public static bool SameValue(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (Money l, Money r) => l.Value == r.Value,
        (OptionSetValue l, OptionSetValue r) => l.Value == r.Value,
        (EntityReference l, EntityReference r) => l.Id == r.Id && string.Equals(l.LogicalName, r.LogicalName, StringComparison.Ordinal),
        (OptionSetValueCollection l, OptionSetValueCollection r) => l.Select(o => o.Value).SequenceEqual(r.Select(o => o.Value)),
        _ => left!.Equals(right),
    };

    /// <summary>A value as text for messages and fingerprints (Money, choices and lookups by value).</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        Money m => m.Value.ToString(CultureInfo.InvariantCulture),
        OptionSetValue o => o.Value.ToString(CultureInfo.InvariantCulture),
        EntityReference r => r.LogicalName + ":" + r.Id.ToString("D"),
        OptionSetValueCollection c => string.Join(",", c.Select(o => o.Value.ToString(CultureInfo.InvariantCulture))),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static IEnumerable<string> RowDifferences(string table, Entity old, Entity now)
    {
        if (!string.Equals(old.RowVersion, now.RowVersion, StringComparison.Ordinal))
        {
            yield return $"{table} {old.Id}: version {old.RowVersion} → {now.RowVersion}";
        }

        foreach (var column in old.Attributes.Keys.Union(now.Attributes.Keys).OrderBy(c => c, StringComparer.Ordinal))
        {
            old.Attributes.TryGetValue(column, out var was);
            now.Attributes.TryGetValue(column, out var @is);
            if (!SameValue(was, @is))
            {
                yield return $"{table} {old.Id}: {column} {Describe(was)} → {Describe(@is)}";
            }
        }
    }
}
