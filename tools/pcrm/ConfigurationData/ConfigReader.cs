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

    public static async Task<List<JsonObject>> ReadAsync(DataverseClient client, ConfigTable table, CancellationToken cancellationToken)
    {
        var query = "$select=" + string.Join(",", table.PlainColumns);
        if (table.Lookups.Count > 0)
        {
            query += "&$expand=" + string.Join(",", table.Lookups.Select(l => $"{l.Navigation}($select={l.Target.KeyColumn})"));
        }

        var rows = new List<JsonObject>();
        foreach (var source in await client.GetAllAsync($"{table.EntitySet}?{query}", PageSize, cancellationToken).ConfigureAwait(false))
        {
            var row = new JsonObject();
            foreach (var column in table.AllColumns)
            {
                row[column] = table.Lookup(column) is not { } lookup
                    ? ConfigValues.Normalize(source[column])
                    : source[lookup.Navigation] is JsonObject target
                        ? new JsonObject { [lookup.Target.KeyColumn] = ConfigValues.Normalize(target[lookup.Target.KeyColumn]) }
                        : null;
            }

            rows.Add(row);
        }

        return ConfigFile.Sort(table, rows).ToList();
    }

    /// <summary>
    /// Finds the rows lookups name, by key, 20 per query: the GUIDs of targets without an alternate key (to bind by id)
    /// and, for all, which named rows do not exist (reported before anything is written).
    /// </summary>
    public static async Task<Dictionary<string, Guid>> ResolveAsync(DataverseClient client, LookupTarget target, IReadOnlyCollection<JsonNode> keys, CancellationToken cancellationToken)
    {
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
