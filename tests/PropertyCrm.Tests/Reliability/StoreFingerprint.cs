using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using PropertyCrm.Harness;

namespace PropertyCrm.Tests.Reliability;

/// <summary>
/// The store as lines to compare two runs that arranged the same rows (repeatable ids) but may have created rows under
/// different ids: one line per row, "table | column=value; …", sorted, where an id the arrange did not make (in a
/// lookup, the key, or inside text such as an idempotency key or a run id) reads "new". Equal fingerprints mean the
/// same rows with the same values: nothing written twice, nothing missing. Row versions are left out.
/// </summary>
internal static class StoreFingerprint
{
    private static readonly Regex GuidText = new(
        "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "versionnumber" };

    public static IReadOnlyList<string> Of(StoreImage image, ISet<Guid> arranged)
    {
        var lines = new List<string>();
        foreach (var table in image.TableNames)
        {
            foreach (var row in image.Rows(table))
            {
                var columns = row.Attributes
                    .Where(a => !Ignored.Contains(a.Key))
                    .OrderBy(a => a.Key, StringComparer.Ordinal)
                    .Select(a => a.Key + "=" + Value(a.Value, arranged));
                lines.Add(table + " " + Id(row.Id, arranged) + " | " + string.Join("; ", columns));
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>Every row id of the image (what the arrange made).</summary>
    public static ISet<Guid> Ids(StoreImage image) => new HashSet<Guid>(image.TableNames.SelectMany(t => image.Rows(t)).Select(r => r.Id));

    // Ids the arrange made through the harness are repeatable (SequentialIds, the harness's fixed users and units); an id
    // a plug-in chose itself during the arrange (a redemption's id, set in pre-operation) differs between runs.
    private static string Id(Guid id, ISet<Guid> arranged) =>
        !arranged.Contains(id) ? "new"
        : SequentialIds.IsRepeatable(id) ? id.ToString("D")
        : "arranged";

    private static string Value(object? value, ISet<Guid> arranged) => value switch
    {
        Guid id => Id(id, arranged),
        Microsoft.Xrm.Sdk.EntityReference r => r.LogicalName + ":" + Id(r.Id, arranged),
        string text => GuidText.Replace(text, m => Guid.TryParse(m.Value, out var g) ? Id(g, arranged) : m.Value),
        _ => StoreImage.Describe(value),
    };
}
