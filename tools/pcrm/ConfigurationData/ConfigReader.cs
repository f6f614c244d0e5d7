using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PropertyCrm.Cli.WebApi;

namespace PropertyCrm.Cli.ConfigurationData;

/// <summary>
/// Reads a configuration table from an environment: GET &lt;set&gt;?$select=...&amp;$expand=&lt;lookup&gt;($select=&lt;target key&gt;),
/// 500 rows a page (Prefer: odata.maxpagesize), and returns rows in the file shape (lookups by key, no GUIDs).
/// </summary>
internal static class ConfigReader
{
    public const int PageSize = 500;

    public static async Task<List<JsonObject>> ReadAsync(DataverseClient client, ConfigTable table, CancellationToken cancellationToken) =>
        ConfigFile.Sort(table, (await ReadWithIdsAsync(client, table, new KeyIndexes(), cancellationToken).ConfigureAwait(false)).Select(r => r.Row)).ToList();

    /// <summary>
    /// The table's rows with their GUIDs. Lookups to single-key targets come from $expand; lookups to composite-key
    /// targets come as _&lt;lookup&gt;_value GUIDs named through the target's key index (one read of the target table).
    /// </summary>
    public static async Task<List<(Guid Id, JsonObject Row)>> ReadWithIdsAsync(DataverseClient client, ConfigTable table, KeyIndexes indexes, CancellationToken cancellationToken)
    {
        var simple = table.Lookups.Where(l => l.Target.Keyed is null).ToList();
        var composite = table.Lookups.Where(l => l.Target.Keyed is not null).ToList();
        var query = "$select=" + string.Join(",", new[] { IdColumnOf(table) }.Concat(table.PlainColumns).Concat(composite.Select(l => $"_{l.Column}_value")));
        if (simple.Count > 0)
        {
            query += "&$expand=" + string.Join(",", simple.Select(l => $"{l.Navigation}($select={l.Target.KeyColumn})"));
        }

        var names = new Dictionary<LookupTarget, Dictionary<Guid, JsonObject>>();
        foreach (var lookup in composite)
        {
            names[lookup.Target] = (await indexes.GetAsync(client, lookup.Target, cancellationToken).ConfigureAwait(false)).ById;
        }

        var rows = new List<(Guid, JsonObject)>();
        foreach (var source in await client.GetAllAsync($"{table.EntitySet}?{query}", PageSize, cancellationToken).ConfigureAwait(false))
        {
            var row = new JsonObject();
            foreach (var column in table.AllColumns)
            {
                row[column] = table.Lookup(column) switch
                {
                    null => ConfigValues.Normalize(source[column]),
                    { Target.Keyed: not null } lookup => source[$"_{column}_value"]?.GetValue<string>() is { } id && names[lookup.Target].TryGetValue(Guid.Parse(id), out var reference)
                        ? reference.DeepClone()
                        : null,
                    var lookup => source[lookup.Navigation] is JsonObject target
                        ? new JsonObject { [lookup.Target.KeyColumn] = ConfigValues.Normalize(target[lookup.Target.KeyColumn]) }
                        : null,
                };
            }

            rows.Add((Guid.Parse(source[IdColumnOf(table)]!.GetValue<string>()), row));
        }

        return rows;
    }

    /// <summary>The primary key column: &lt;table&gt;id for custom tables, contactid for contact.</summary>
    public static string IdColumnOf(ConfigTable table) => table.LogicalName + "id";

    /// <summary>
    /// Finds the rows lookups name, by key, 20 per query: the GUIDs of targets without an alternate key (to bind by id)
    /// and, for all, which named rows do not exist (reported before anything is written).
    /// </summary>
    public static async Task<Dictionary<string, Guid>> ResolveAsync(DataverseClient client, LookupTarget target, IReadOnlyCollection<JsonNode> keys, CancellationToken cancellationToken)
    {
        if (target.Keyed is not null)
        {
            // A composite key: one read of the target table names all its rows.
            return (await new KeyIndexes().GetAsync(client, target, cancellationToken).ConfigureAwait(false)).ByName;
        }

        var found = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(20))
        {
            var filter = string.Join(" or ", chunk.Select(k => $"{target.KeyColumn} eq {ConfigValues.FilterLiteral(k)}"));
            var query = $"{target.EntitySet}?$select={target.IdColumn},{target.KeyColumn}&$filter={Uri.EscapeDataString(filter)}";
            foreach (var row in await client.GetAllAsync(query, PageSize, cancellationToken).ConfigureAwait(false))
            {
                var key = ConfigValues.Display(ConfigValues.Normalize(row[target.KeyColumn]));
                var id = Guid.Parse(row[target.IdColumn]!.GetValue<string>());
                if (!found.TryAdd(key, id) && found[key] != id)
                {
                    throw CliFailure.Usage($"{target.Table} 中有多行 {target.KeyColumn} = {key}", $"More than one {target.Table} row has {target.KeyColumn} = {key}");
                }
            }
        }

        return found;
    }
}
