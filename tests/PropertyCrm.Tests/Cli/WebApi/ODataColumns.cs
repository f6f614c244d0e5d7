using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Cli.WebApi;

/// <summary>
/// What the fake Web API knows of the tables: entity set names (the Schema constants, EntitySetName in Entity.xml)
/// and column types (&lt;Type&gt; in Solution/Entities/&lt;table&gt;/Entity.xml), to turn JSON into SDK values and back
/// as the Web API does (choice → Edm.Int32, money → Edm.Decimal, lookup → _x_value / @odata.bind).
/// </summary>
internal sealed class ODataColumns
{
    private static readonly Lazy<ODataColumns> Shared = new(Load);

    private readonly Dictionary<string, string> tableBySet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> setByTable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> types = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Table, string Column), string> lookupTargets = new();
    private readonly HashSet<(string Table, string Column)> dateOnly = new();

    public static ODataColumns Instance => Shared.Value;

    public string? TableOf(string entitySet) => this.tableBySet.TryGetValue(entitySet, out var table) ? table : null;

    public string SetOf(string table) => this.setByTable[table];

    public string TypeOf(string table, string column) =>
        this.types.TryGetValue(table, out var columns) && columns.TryGetValue(column, out var type) ? type : "nvarchar";

    /// <summary>The table a lookup column points at (ReferencedEntityName of its relationship in Solution/Other/Relationships).</summary>
    public string LookupTarget(string table, string column) =>
        this.lookupTargets.TryGetValue((table, column), out var target) ? target : throw new KeyNotFoundException($"No relationship for lookup {table}.{column}.");

    public object? ToSdk(string table, string column, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        return TypeOf(table, column) switch
        {
            "int" => (int)Number(value),
            "decimal" => Number(value),
            "money" => new Money(Number(value)),
            "picklist" or "state" or "status" => new OptionSetValue((int)Number(value)),
            "bit" => value.GetValue<bool>(),
            "datetime" => DateTime.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            _ => value.GetValue<string>(),
        };
    }

    private static decimal Number(JsonNode value) => decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// As <see cref="ToJson(object?)"/>, with a date-only column (Format date, behavior DateOnly) as "yyyy-MM-dd"
    /// (Microsoft Learn: "Behavior and format of the date and time column").
    /// </summary>
    public JsonNode? ToJson(string table, string column, object? value) =>
        value is DateTime date && this.dateOnly.Contains((table, column))
            ? JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : ToJson(value);

    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        int i => JsonValue.Create(i),
        decimal d => JsonValue.Create(d),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        Money m => JsonValue.Create(m.Value),
        OptionSetValue o => JsonValue.Create(o.Value),
        DateTime t => JsonValue.Create(t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        Guid g => JsonValue.Create(g.ToString("D")),
        EntityReference r => JsonValue.Create(r.Id.ToString("D")),
        _ => JsonValue.Create(value.ToString()),
    };

    private static ODataColumns Load()
    {
        var columns = new ODataColumns();
        foreach (var type in typeof(PropertyCrm.Schema.Tables.PropertyTable).Assembly.GetTypes().Where(t => t.Namespace == "PropertyCrm.Schema.Tables"))
        {
            var logical = type.GetField("LogicalName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
            var set = type.GetField("EntitySetName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
            if (logical is not null && set is not null)
            {
                columns.Add(logical, set);
            }
        }

        columns.Add("systemuser", "systemusers");
        columns.Add("team", "teams");
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Solution, "Entities"), "Entity.xml", SearchOption.AllDirectories))
        {
            var document = XDocument.Load(file);
            var table = document.Descendants("entity").FirstOrDefault()?.Attribute("Name")?.Value?.ToLowerInvariant();
            if (table is null)
            {
                continue;
            }

            foreach (var attribute in document.Descendants("attribute").Where(a => a.Element("Format")?.Value == "date" && a.Element("LogicalName") is not null))
            {
                columns.dateOnly.Add((table, attribute.Element("LogicalName")!.Value));
            }

            columns.types[table] = document.Descendants("attribute")
                .Where(a => a.Element("LogicalName") is not null && a.Element("Type") is not null)
                .ToDictionary(a => a.Element("LogicalName")!.Value, a => a.Element("Type")!.Value, StringComparer.Ordinal);
        }

        foreach (var relationship in Directory.GetFiles(Path.Combine(RepoPaths.Solution, "Other", "Relationships"), "*.xml").SelectMany(f => XDocument.Load(f).Descendants("EntityRelationship")))
        {
            var referencing = relationship.Element("ReferencingEntityName")?.Value.ToLowerInvariant();
            var attribute = relationship.Element("ReferencingAttributeName")?.Value.ToLowerInvariant();
            var referenced = relationship.Element("ReferencedEntityName")?.Value.ToLowerInvariant();
            if (referencing is not null && attribute is not null && referenced is not null)
            {
                columns.lookupTargets[(referencing, attribute)] = referenced;
            }
        }

        return columns;
    }

    private void Add(string table, string set)
    {
        this.tableBySet[set] = table;
        this.setByTable[table] = set;
    }

    public static JsonObject Error(string code, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    public static string Serialize(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
