using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace PropertyCrm.Simulation;

/// <summary>The KPI snapshot rows as CSV (UTF-8 with BOM, so Excel reads the Chinese) and JSON.</summary>
public static class SnapshotExport
{
    public static string Csv(IReadOnlyList<SnapshotRow> rows)
    {
        var csv = new StringBuilder();
        csv.Append('\uFEFF');
        csv.AppendLine("property,period,kpi_code,kpi,value,numerator,denominator,target,met");
        foreach (var r in rows)
        {
            csv.AppendLine(string.Join(
                ",",
                Quote(r.Property),
                r.Period,
                r.Kpi.ToString(),
                Quote(r.Definition.Chinese + " " + r.Definition.English),
                r.Value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                r.Numerator.ToString(CultureInfo.InvariantCulture),
                r.Denominator.ToString(CultureInfo.InvariantCulture),
                r.Target?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                r.Met switch { true => "true", false => "false", _ => string.Empty }));
        }

        return csv.ToString();
    }

    public static string Json(IReadOnlyList<SnapshotRow> rows) => JsonSerializer.Serialize(
        rows.Select(r => new
        {
            property = r.Property,
            period = r.Period,
            kpi = r.Kpi.ToString(),
            name = r.Definition.Chinese,
            value = r.Value,
            numerator = r.Numerator,
            denominator = r.Denominator,
            target = r.Target,
            met = r.Met,
        }),
        new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", System.StringComparison.Ordinal) + "\"";
}
