using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PropertyCrm.Cli.ConfigurationData;

/// <summary>Column values as the files hold them, compared and written the same way whichever environment they came from.</summary>
internal static class ConfigValues
{
    /// <summary>A number in its shortest form (1.50 and 1.5 are one value); other values as they are.</summary>
    public static JsonNode? Normalize(JsonNode? value)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            return JsonValue.Create(Number(v) / 1.0000000000000000000000000000m);
        }

        return value?.DeepClone();
    }

    /// <summary>A JSON number as decimal, whatever CLR type the node was built from (int, decimal, double).</summary>
    public static decimal Number(JsonValue value) => decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static bool Same(JsonNode? left, JsonNode? right) => JsonNode.DeepEquals(Normalize(left), Normalize(right));

    /// <summary>The value as it appears in an OData key segment: 'text' with quotes doubled, numbers and booleans bare.</summary>
    public static string KeyLiteral(JsonNode? value, bool escape = true) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => "'" + (escape ? Uri.EscapeDataString(Quoted(v)) : Quoted(v)) + "'",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => (Number(v) / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValueKind() == JsonValueKind.True ? "true" : "false",
        _ => throw new ArgumentException("A key value must be text, a number or true/false.", nameof(value)),
    };

    private static string Quoted(JsonValue value) => value.GetValue<string>().Replace("'", "''", StringComparison.Ordinal);

    /// <summary>The value as an OData $filter literal (strings quoted, not URL-escaped: the caller escapes the whole query).</summary>
    public static string FilterLiteral(JsonNode? value) => value is JsonValue v && v.GetValueKind() == JsonValueKind.String
        ? "'" + Quoted(v) + "'"
        : KeyLiteral(value);

    /// <summary>How a row is named in messages and sorted in files: pcrm_rule=548210000.</summary>
    public static string KeyText(System.Collections.Generic.IReadOnlyList<string> key, JsonObject row) =>
        string.Join(",", key.Select(k => k + "=" + Display(row[k])));

    /// <summary>A value for messages and sort order; a lookup ({"pcrm_name": "锦绣花园"}) shows as the referenced row's key value.</summary>
    public static string Display(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject reference => string.Join("+", reference.Select(p => Display(p.Value))),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };
}
