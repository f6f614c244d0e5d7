using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PropertyCrm.Cli.WebApi;

namespace PropertyCrm.Cli.ConfigurationData;

internal sealed record ColumnChange(string Column, JsonNode? Before, JsonNode? After);

/// <summary>A row the push writes: created (no row with its key yet) or updated (the changed columns only).</summary>
internal sealed record RowChange(string KeyText, JsonObject Row, bool IsNew, IReadOnlyList<ColumnChange> Changes);

/// <summary>What a push does to one table; rows only in the target are left as they are (push never deletes).</summary>
internal sealed record TablePlan(ConfigTable Table, IReadOnlyList<RowChange> Created, IReadOnlyList<RowChange> Updated, int Unchanged, int OnlyInTarget);

/// <summary>
/// Pushes configuration files into an environment: reads the target's rows (same shape as a pull), compares by
/// key, checks every row a lookup names exists, then upserts by key in $batch change sets of at most 1,000:
/// If-None-Match: * for rows it creates, If-Match: * for rows it updates (Microsoft Learn: "Use Upsert"), so a row
/// someone else created or deleted meanwhile fails the change set instead of being silently overwritten.
/// </summary>
internal static class ConfigPush
{
    public static async Task<List<TablePlan>> PlanAsync(DataverseClient client, IReadOnlyList<(ConfigTable Table, List<JsonObject> Rows)> files, CancellationToken cancellationToken)
    {
        var plans = new List<TablePlan>();
        foreach (var (table, rows) in files)
        {
            var existing = (await ConfigReader.ReadAsync(client, table, cancellationToken).ConfigureAwait(false))
                .ToDictionary(r => ConfigValues.KeyText(table.Key, r), StringComparer.Ordinal);
            var created = new List<RowChange>();
            var updated = new List<RowChange>();
            var unchanged = 0;
            foreach (var row in ConfigFile.Sort(table, rows))
            {
                var key = ConfigValues.KeyText(table.Key, row);
                if (!existing.Remove(key, out var current))
                {
                    created.Add(new RowChange(key, row, true, row.Where(p => !table.Key.Contains(p.Key)).Select(p => new ColumnChange(p.Key, null, p.Value)).ToList()));
                    continue;
                }

                var changes = row
                    .Where(p => !table.Key.Contains(p.Key) && !ConfigValues.Same(p.Value, current[p.Key]))
                    .Select(p => new ColumnChange(p.Key, current[p.Key], p.Value))
                    .ToList();
                if (changes.Count == 0)
                {
                    unchanged++;
                }
                else
                {
                    updated.Add(new RowChange(key, row, false, changes));
                }
            }

            plans.Add(new TablePlan(table, created, updated, unchanged, existing.Count));
        }

        return plans;
    }

    /// <summary>
    /// Looks up every row the changes name (lookup columns, and lookups that are part of a row's key); a missing one
    /// stops the push before anything is written, unless an earlier table of the same push creates it (the sample
    /// company: properties before the buildings that name them).
    /// </summary>
    public static async Task<Dictionary<LookupTarget, Dictionary<string, Guid>>> ResolveLookupsAsync(DataverseClient client, IReadOnlyList<TablePlan> plans, CancellationToken cancellationToken, IReadOnlyList<TablePlan>? createdEarlier = null)
    {
        var wanted = new Dictionary<LookupTarget, Dictionary<string, JsonNode>>();
        foreach (var plan in plans)
        {
            foreach (var (lookup, reference) in References(plan))
            {
                if (!wanted.TryGetValue(lookup.Target, out var keys))
                {
                    wanted[lookup.Target] = keys = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
                }

                keys[lookup.Target.Name(reference)] = lookup.Target.Keyed is null ? reference[lookup.Target.KeyColumn]! : reference;
            }
        }

        var resolved = new Dictionary<LookupTarget, Dictionary<string, Guid>>();
        var missing = new List<string>();
        foreach (var (target, keys) in wanted)
        {
            var found = await ConfigReader.ResolveAsync(client, target, keys.Values.ToList(), cancellationToken).ConfigureAwait(false);
            var created = CreatedKeys(createdEarlier ?? plans, target);
            missing.AddRange(keys.Keys.Where(k => !found.ContainsKey(k) && !created.Contains(k)).Select(target.Describe));
            resolved[target] = found;
        }

        if (missing.Count > 0)
        {
            throw CliFailure.Usage(
                $"目标环境中找不到这些查找所指的行,未写入任何数据:{string.Join(", ", missing)}",
                $"The target environment has no rows for these lookups; nothing was written: {string.Join(", ", missing)}");
        }

        return resolved;
    }

    /// <summary>
    /// The plans in the order they are written, cut where a table names rows an earlier table of the same stage creates:
    /// a stage's lookups are resolved to GUIDs after the stages before it are written. A configuration push (lookups to
    /// properties, users and teams that already exist) is one stage.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<TablePlan>> Stages(IReadOnlyList<TablePlan> plans)
    {
        var stages = new List<IReadOnlyList<TablePlan>>();
        var current = new List<TablePlan>();
        foreach (var plan in plans)
        {
            var needsEarlier = plan.Table.Lookups.Any(l => current.Any(p => p.Table.LogicalName == l.Target.Table && p.Created.Count > 0));
            if (needsEarlier && current.Count > 0)
            {
                stages.Add(current);
                current = new List<TablePlan>();
            }

            current.Add(plan);
        }

        if (current.Count > 0)
        {
            stages.Add(current);
        }

        return stages;
    }

    public static IReadOnlyList<BatchOperation> Operations(IReadOnlyList<TablePlan> plans, IReadOnlyDictionary<LookupTarget, Dictionary<string, Guid>> resolved)
    {
        var operations = new List<BatchOperation>();
        foreach (var plan in plans)
        {
            foreach (var change in plan.Created.Concat(plan.Updated))
            {
                var body = new JsonObject();
                foreach (var column in change.Changes)
                {
                    if (plan.Table.Lookup(column.Column) is not { } lookup)
                    {
                        body[column.Column] = column.After?.DeepClone();
                    }
                    else if (column.After is JsonObject reference)
                    {
                        body[lookup.Navigation + "@odata.bind"] = lookup.Target.HasAlternateKey && lookup.Target.Keyed is null
                            ? $"/{lookup.Target.EntitySet}({lookup.Target.KeyColumn}={ConfigValues.KeyLiteral(reference[lookup.Target.KeyColumn], escape: false)})"
                            : $"/{lookup.Target.EntitySet}({IdOf(resolved, lookup, reference):D})";
                    }
                    else if (!change.IsNew)
                    {
                        // Clearing a lookup: the navigation property bound to null.
                        body[lookup.Navigation + "@odata.bind"] = null;
                    }
                }

                operations.Add(new BatchOperation(Address(plan.Table, change.Row, resolved), body, change.IsNew ? UpsertMode.CreateOnly : UpsertMode.UpdateOnly));
            }
        }

        return operations;
    }

    /// <summary>
    /// table(key=value,...) for one row. A lookup in the key is addressed by its lookup property and the referenced row's
    /// GUID in this environment, _pcrm_propertyid_value=&lt;guid&gt; (Microsoft Learn: "Use an alternate key to reference a
    /// record", alternate key that uses a lookup column); the upsert then creates the row with those key values
    /// (Microsoft Learn: "Use Upsert to Create or Update a record").
    /// </summary>
    public static string Address(ConfigTable table, JsonObject row, IReadOnlyDictionary<LookupTarget, Dictionary<string, Guid>> resolved) =>
        table.EntitySet + "(" + string.Join(",", table.Key.Select(k => table.Lookup(k) is { } lookup
            ? $"_{lookup.Column}_value={IdOf(resolved, lookup, (JsonObject)row[k]!):D}"
            : k + "=" + ConfigValues.KeyLiteral(row[k]))) + ")";

    private static Guid IdOf(IReadOnlyDictionary<LookupTarget, Dictionary<string, Guid>> resolved, ConfigLookup lookup, JsonObject reference) =>
        resolved[lookup.Target][lookup.Target.Name(reference)];

    /// <summary>Every reference a plan's writes need: changed lookup columns and, for each written row, the lookups in its key.</summary>
    private static IEnumerable<(ConfigLookup Lookup, JsonObject Reference)> References(TablePlan plan)
    {
        foreach (var change in plan.Created.Concat(plan.Updated))
        {
            foreach (var column in change.Changes)
            {
                if (plan.Table.Lookup(column.Column) is { } lookup && column.After is JsonObject reference)
                {
                    yield return (lookup, reference);
                }
            }

            foreach (var lookup in plan.Table.KeyLookups)
            {
                yield return (lookup, (JsonObject)change.Row[lookup.Column]!);
            }
        }
    }

    private static HashSet<string> CreatedKeys(IReadOnlyList<TablePlan> plans, LookupTarget target) =>
        plans
            .Where(p => p.Table.LogicalName == target.Table && (target.Keyed is not null || (p.Table.Key.Count == 1 && p.Table.Key[0] == target.KeyColumn)))
            .SelectMany(p => p.Created)
            .Select(r => target.Name(r.Row))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The operations in batches of at most 1,000 (Dataverse's limit per $batch), in order.</summary>
    public static IReadOnlyList<BatchOperation[]> Batches(IReadOnlyList<BatchOperation> operations) =>
        operations.Chunk(BatchOperation.MaxPerBatch).ToList();
}
