using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace PropertyCrm.Cli.ConfigurationData;

/// <summary>
/// A table a lookup points at, and how a row of it is named in the files: by its alternate key (bound as
/// /set(key='value')), or, for platform tables without one (users, teams), by a unique column looked up first.
/// A target whose alternate key has several columns or a lookup (a unit: building + unit number) is <see cref="Keyed"/>:
/// the reference holds the target's whole key as its own file writes it ({"pcrm_buildingid": {...}, "pcrm_unitnumber":
/// "1-1-0101"}), and the push binds it by the GUID it finds in the target environment.
/// </summary>
internal sealed record LookupTarget(string Table, string EntitySet, string IdColumn, string KeyColumn, bool HasAlternateKey)
{
    /// <summary>The target's own table definition, when its key is composite.</summary>
    public ConfigTable? Keyed { get; init; }

    public static LookupTarget Composite(ConfigTable table, string idColumn) =>
        new(table.LogicalName, table.EntitySet, idColumn, string.Empty, HasAlternateKey: true) { Keyed = table };

    /// <summary>How a referenced row is named in messages and matched: its key value, or its key text for a composite key.</summary>
    public string Name(JsonObject reference) => Keyed is null ? ConfigValues.Display(reference[KeyColumn]) : ConfigValues.KeyText(Keyed.Key, reference);

    /// <summary>Whether a file value is a reference to this target: {"key column": value} or, composite, every key column.</summary>
    public bool IsReference(JsonNode? value) =>
        value is JsonObject reference && (Keyed is null ? reference[KeyColumn] is JsonValue : Keyed.Key.All(k => reference[k] is not null) && reference.Count == Keyed.Key.Count);

    /// <summary>The reference to a row of the target, from the row (file shape).</summary>
    public JsonObject ReferenceTo(JsonObject row) => Keyed is null
        ? new JsonObject { [KeyColumn] = row[KeyColumn]?.DeepClone() }
        : new JsonObject(Keyed.Key.Select(k => new KeyValuePair<string, JsonNode?>(k, row[k]?.DeepClone())));

    /// <summary>The shape a reference takes in messages: pcrm_property(pcrm_name=锦绣花园).</summary>
    public string Describe(string name) => Keyed is null ? $"{Table}({KeyColumn}={name})" : $"{Table}({name})";
}

/// <summary>A lookup column: the single-valued navigation property (the lookup's schema name) bound with @odata.bind.</summary>
internal sealed record ConfigLookup(string Column, string Navigation, LookupTarget Target);

/// <summary>
/// One configuration table `pcrm data` moves: its entity set, the alternate key that names a row in the files and
/// in the URL, the plain columns and the lookups. Bookkeeping columns (owner, modified on, round-robin state) are
/// left out on purpose: they belong to the environment, not to the configuration.
/// </summary>
internal sealed record ConfigTable(string LogicalName, string EntitySet, IReadOnlyList<string> Key, IReadOnlyList<string> Columns, IReadOnlyList<ConfigLookup> Lookups)
{
    public string FileName => LogicalName + ".json";

    /// <summary>Every column of a row in file order: the key first, then columns, then lookups.</summary>
    public IEnumerable<string> AllColumns => Key.Concat(Columns.Where(c => !Key.Contains(c))).Concat(Lookups.Select(l => l.Column).Where(c => !Key.Contains(c)));

    /// <summary>The key's plain columns and the table's plain columns: what a read $selects.</summary>
    public IEnumerable<string> PlainColumns => Key.Where(k => Lookup(k) is null).Concat(Columns.Where(c => !Key.Contains(c)));

    /// <summary>
    /// Lookups that are part of the alternate key (pcrm_kpitarget: property + KPI). In the files they are written by the
    /// referenced row's own key like any lookup; in the URL the Web API wants the lookup property with the row's GUID,
    /// _&lt;lookup&gt;_value=&lt;guid&gt; (Microsoft Learn: "Use an alternate key to reference a record"), so a push resolves
    /// them in the target environment first.
    /// </summary>
    public IEnumerable<ConfigLookup> KeyLookups => Lookups.Where(l => Key.Contains(l.Column));

    public ConfigLookup? Lookup(string column) => Lookups.FirstOrDefault(l => l.Column == column);
}
