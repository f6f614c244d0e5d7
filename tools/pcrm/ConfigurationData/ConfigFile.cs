using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PropertyCrm.Cli.WebApi;

namespace PropertyCrm.Cli.ConfigurationData;

/// <summary>
/// One table's configuration file, &lt;table&gt;.json: {"table": ..., "key": [...], "rows": [...]}, rows sorted by
/// key, columns in table order, lookups as {"&lt;target key column&gt;": value} (never a GUID), UTF-8 with Chinese
/// kept readable, LF line ends. Same rows, same bytes: a pull from any environment writes an identical file.
/// </summary>
internal static class ConfigFile
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static string Write(ConfigTable table, IEnumerable<JsonObject> rows)
    {
        var file = new JsonObject
        {
            ["table"] = table.LogicalName,
            ["key"] = new JsonArray(table.Key.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray()),
            ["rows"] = new JsonArray(Sort(table, rows).Select(r => (JsonNode?)r.DeepClone()).ToArray()),
        };
        return file.ToJsonString(Indented) + "\n";
    }

    public static IEnumerable<JsonObject> Sort(ConfigTable table, IEnumerable<JsonObject> rows) =>
        rows.OrderBy(r => ConfigValues.KeyText(table.Key, r), StringComparer.Ordinal);

    /// <summary>Reads and checks a file: the right table, every row with its key, known columns only.</summary>
    public static List<JsonObject> Read(ConfigTable table, string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path, Encoding.UTF8));
        }
        catch (JsonException e)
        {
            throw Bad(path, $"不是有效的 JSON:{e.Message}", $"is not valid JSON: {e.Message}");
        }

        if (root is not JsonObject file || file["rows"] is not JsonArray rows)
        {
            throw Bad(path, "缺少 rows 数组", "has no \"rows\" array");
        }

        if (file["table"]?.GetValue<string>() is { } name && !string.Equals(name, table.LogicalName, StringComparison.Ordinal))
        {
            throw Bad(path, $"属于表 {name},不是 {table.LogicalName}", $"belongs to table {name}, not {table.LogicalName}");
        }

        var known = table.AllColumns.ToHashSet(StringComparer.Ordinal);
        var result = new List<JsonObject>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not JsonObject row)
            {
                throw Bad(path, $"第 {i + 1} 行不是对象", $"row {i + 1} is not an object");
            }

            foreach (var key in table.Key)
            {
                if (table.Lookup(key) is { } keyLookup ? !keyLookup.Target.IsReference(row[key]) : row[key] is not JsonValue)
                {
                    throw Bad(path, $"第 {i + 1} 行缺少键列 {key}", $"row {i + 1} lacks its key column {key}");
                }
            }

            foreach (var column in row.Select(p => p.Key))
            {
                if (!known.Contains(column))
                {
                    throw Bad(path, $"第 {i + 1} 行有未知列 {column}(可用:{string.Join(", ", known)})", $"row {i + 1} has an unknown column {column} (known: {string.Join(", ", known)})");
                }

                if (table.Lookup(column) is { } lookup && row[column] is { } reference && !lookup.Target.IsReference(reference))
                {
                    var shape = "{" + string.Join(", ", (lookup.Target.Keyed?.Key ?? new[] { lookup.Target.KeyColumn }).Select(k => $"\"{k}\": ...")) + "}";
                    throw Bad(path, $"第 {i + 1} 行的查找列 {column} 须为 {shape} 或 null", $"row {i + 1}: lookup {column} must be {shape} or null");
                }
            }

            if (!seen.Add(ConfigValues.KeyText(table.Key, row)))
            {
                throw Bad(path, $"键 {ConfigValues.KeyText(table.Key, row)} 出现两次", $"key {ConfigValues.KeyText(table.Key, row)} appears twice");
            }

            result.Add((JsonObject)row.DeepClone());
        }

        return result;
    }

    private static CliFailure Bad(string path, string chinese, string english) =>
        CliFailure.Usage($"配置文件 {path} {chinese}", $"The configuration file {path} {english}");
}
