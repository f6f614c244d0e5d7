using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PropertyCrm.Domain.Calendars.Serialization;

/// <summary>
/// Typed, strict access to one JSON object: required and optional properties, and a final check that no
/// unknown property is left over (a misspelt "holidays" must not silently mean "no holidays").
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonNode node;
    private readonly HashSet<string> read = new HashSet<string>(StringComparer.Ordinal);

    public JsonObjectReader(JsonNode node)
    {
        Guard.NotNull(node, nameof(node));

        if (node.Kind != JsonKind.Object)
        {
            throw Error(node, $"应为对象,实际为{node.Describe()}", $"expected an object, found {node.Describe()}");
        }

        this.node = node;
    }

    public JsonNode Node => this.node;

    public JsonNode? Optional(string name)
    {
        read.Add(name);
        foreach (var property in this.node.Properties)
        {
            if (property.Key == name)
            {
                return property.Value.Kind == JsonKind.Null ? null : property.Value;
            }
        }

        return null;
    }

    public JsonNode Required(string name) =>
        Optional(name) ?? throw Error(this.node, $"缺少必填属性 '{name}'", $"missing required property '{name}'");

    public string RequiredString(string name) => AsString(Required(name));

    public string? OptionalString(string name)
    {
        var node = Optional(name);
        return node is null ? null : AsString(node);
    }

    public bool? OptionalBoolean(string name)
    {
        var node = Optional(name);
        if (node is null)
        {
            return null;
        }

        if (node.Kind != JsonKind.Boolean)
        {
            throw Error(node, $"应为 true 或 false,实际为{node.Describe()}", $"expected true or false, found {node.Describe()}");
        }

        return node.Text == "true";
    }

    public int RequiredInt32(string name)
    {
        var node = Required(name);
        if (node.Kind != JsonKind.Number
            || !int.TryParse(node.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(node, $"应为整数,实际为 {node.Text ?? node.Describe()}", $"expected an integer, found {node.Text ?? node.Describe()}");
        }

        return value;
    }

    /// <summary>An optional array property; absent or null reads as empty.</summary>
    public IReadOnlyList<JsonNode> OptionalArray(string name)
    {
        var node = Optional(name);
        if (node is null)
        {
            return Array.Empty<JsonNode>();
        }

        return AsArray(node);
    }

    public static IReadOnlyList<JsonNode> AsArray(JsonNode node)
    {
        if (node.Kind != JsonKind.Array)
        {
            throw Error(node, $"应为数组,实际为{node.Describe()}", $"expected an array, found {node.Describe()}");
        }

        return node.Items;
    }

    public static string AsString(JsonNode node)
    {
        if (node.Kind != JsonKind.String)
        {
            throw Error(node, $"应为字符串,实际为{node.Describe()}", $"expected a string, found {node.Describe()}");
        }

        return node.Text!;
    }

    public static CalendarDate AsDate(JsonNode node)
    {
        var text = AsString(node);
        if (!CalendarDate.TryParseIso(text, out var date))
        {
            throw Error(node, $"'{text}' 不是 yyyy-MM-dd 格式的有效日期", $"'{text}' is not a valid date in the form yyyy-MM-dd");
        }

        return date;
    }

    /// <summary>Throws for any property the caller never asked about.</summary>
    public void RejectUnknown()
    {
        var unknown = this.node.Properties.FirstOrDefault(p => !read.Contains(p.Key));
        if (unknown.Key is not null)
        {
            var known = string.Join(", ", read.OrderBy(n => n, StringComparer.Ordinal));
            throw Error(unknown.Value, $"未知属性 '{unknown.Key}'(可用:{known})", $"unknown property '{unknown.Key}' (allowed: {known})");
        }
    }

    public static DomainException Error(JsonNode node, string chinese, string english) =>
        new DomainException(
            CalendarErrorCodes.InvalidJson,
            $"日历数据错误,位置 {node.Path}(第 {node.Line} 行第 {node.Column} 列):{chinese} / "
            + $"Invalid calendar data at {node.Path} (line {node.Line}, column {node.Column}): {english}.");

    /// <summary>Re-raises a rule violation found while building domain objects, prefixed with where it came from.</summary>
    public static DomainException At(JsonNode node, DomainException inner) =>
        new DomainException(
            inner.Code,
            $"位置 {node.Path}(第 {node.Line} 行第 {node.Column} 列 / line {node.Line}, column {node.Column}):{inner.Message}");
}
