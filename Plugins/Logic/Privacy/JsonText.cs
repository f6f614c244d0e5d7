using System;
using System.Globalization;
using System.Text;
using Microsoft.Xrm.Sdk;

namespace PropertyCrm.Plugins.Logic.Privacy;

/// <summary>
/// The little JSON the owner-data export writes (RFC 8259): objects, arrays, strings escaped, numbers in the invariant
/// culture, instants as ISO 8601 UTC. Hand-written because net462 in the sandbox has no System.Text.Json, and the export's
/// shape is fixed: rows of Dataverse values.
/// </summary>
public static class JsonText
{
    public static void String(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    json.Append("\\\"");
                    break;
                case '\\':
                    json.Append("\\\\");
                    break;
                case '\n':
                    json.Append("\\n");
                    break;
                case '\r':
                    json.Append("\\r");
                    break;
                case '\t':
                    json.Append("\\t");
                    break;
                default:
                    if (c < ' ')
                    {
                        json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.Append(c);
                    }

                    break;
            }
        }

        json.Append('"');
    }

    /// <summary>A Dataverse column value: a choice is its number, money its amount, a lookup {table, id, name}.</summary>
    public static void Value(StringBuilder json, object? value)
    {
        switch (value)
        {
            case null:
                json.Append("null");
                break;
            case string text:
                String(json, text);
                break;
            case bool flag:
                json.Append(flag ? "true" : "false");
                break;
            case int or long or decimal or double:
                json.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case DateTime instant:
                String(json, Instant(instant));
                break;
            case Guid id:
                String(json, id.ToString("D"));
                break;
            case OptionSetValue option:
                json.Append(option.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case Money money:
                json.Append(money.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case EntityReference reference:
                json.Append("{\"table\":");
                String(json, reference.LogicalName);
                json.Append(",\"id\":");
                String(json, reference.Id.ToString("D"));
                if (reference.Name is not null)
                {
                    json.Append(",\"name\":");
                    String(json, reference.Name);
                }

                json.Append('}');
                break;
            default:
                String(json, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }
    }

    /// <summary>Dataverse returns UTC; a value of unspecified kind is taken as UTC, as the platform stores it.</summary>
    public static string Instant(DateTime value) =>
        DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Utc)
            .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
