using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PropertyCrm.Cli.WebApi;

namespace PropertyCrm.Cli.ConfigurationData;

/// <summary>Every row of a composite-key target: GUID → reference (reading lookups) and key text → GUID (binding them).</summary>
internal sealed record KeyIndex(Dictionary<Guid, JsonObject> ById, Dictionary<string, Guid> ByName);

/// <summary>
/// The key indexes one read needs, each target table read once (its own composite lookups through the same cache:
/// a unit's building is named by the building's property and name). A new cache sees rows written since.
/// </summary>
internal sealed class KeyIndexes
{
    private readonly Dictionary<string, KeyIndex> indexes = new(StringComparer.Ordinal);

    public async Task<KeyIndex> GetAsync(DataverseClient client, LookupTarget target, CancellationToken cancellationToken)
    {
        if (this.indexes.TryGetValue(target.Table, out var known))
        {
            return known;
        }

        var table = target.Keyed ?? throw new InvalidOperationException($"{target.Table} has a single-column key: resolve it by filter.");
        var index = new KeyIndex(new Dictionary<Guid, JsonObject>(), new Dictionary<string, Guid>(StringComparer.Ordinal));
        foreach (var (id, row) in await ConfigReader.ReadWithIdsAsync(client, table, this, cancellationToken).ConfigureAwait(false))
        {
            var reference = target.ReferenceTo(row);
            index.ById[id] = reference;
            if (!index.ByName.TryAdd(target.Name(reference), id))
            {
                throw CliFailure.Usage($"{target.Table} 中有多行的键为 {target.Name(reference)}", $"More than one {target.Table} row has the key {target.Name(reference)}");
            }
        }

        this.indexes[target.Table] = index;
        return index;
    }
}
