using System.Collections.Generic;

namespace PropertyCrm.Domain.Calendars.Serialization;

internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>
/// One value of a parsed JSON document, remembering where it stood (JSONPath-like <see cref="Path"/>, line,
/// column) so every error about calendar data can point admins at the exact spot to fix.
/// </summary>
internal sealed class JsonNode
{
    public JsonNode(JsonKind kind, string path, int line, int column)
    {
        Kind = kind;
        Path = path;
        Line = line;
        Column = column;
    }

    public JsonKind Kind { get; }

    /// <summary>e.g. "$.years[0].holidays[2].from".</summary>
    public string Path { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>The string's value, the number's literal text, or "true"/"false".</summary>
    public string? Text { get; set; }

    /// <summary>Properties in document order (objects only).</summary>
    public List<KeyValuePair<string, JsonNode>> Properties { get; } = new List<KeyValuePair<string, JsonNode>>();

    /// <summary>Elements in order (arrays only).</summary>
    public List<JsonNode> Items { get; } = new List<JsonNode>();

    public string Describe() => Kind switch
    {
        JsonKind.Object => "对象 object",
        JsonKind.Array => "数组 array",
        JsonKind.String => "字符串 string",
        JsonKind.Number => "数字 number",
        JsonKind.Boolean => "布尔值 boolean",
        _ => "null",
    };
}
