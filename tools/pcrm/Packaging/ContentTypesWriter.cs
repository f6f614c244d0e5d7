using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace PropertyCrm.Cli.Packaging;

/// <summary>
/// The OPC part list [Content_Types].xml (SOLUTION-LAYOUT §3.5): a Default per file extension in the
/// zip, xml first, and an Override for every entry without an extension (web-resource bodies); one line,
/// UTF-8 with BOM, as in the PentaWork export.
/// </summary>
internal static class ContentTypesWriter
{
    public const string EntryName = "[Content_Types].xml";
    private const string OctetStream = "application/octet-stream";

    public static byte[] Build(IEnumerable<string> entryNames)
    {
        var names = entryNames.ToList();
        var extensions = new List<string> { "xml" };
        extensions.AddRange(names
            .Select(n => Path.GetExtension(n).TrimStart('.').ToLowerInvariant())
            .Where(e => e.Length > 0 && e != "xml")
            .Distinct(StringComparer.Ordinal)
            .OrderBy(e => e, StringComparer.Ordinal));
        var overrides = names.Where(n => Path.GetExtension(n).Length == 0).OrderBy(n => n, StringComparer.Ordinal);

        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        text.Append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
        foreach (var extension in extensions)
        {
            text.Append($"<Default Extension=\"{Escape(extension)}\" ContentType=\"{OctetStream}\" />");
        }

        foreach (var name in overrides)
        {
            text.Append($"<Override PartName=\"/{Escape(name)}\" ContentType=\"{OctetStream}\" />");
        }

        text.Append("</Types>");
        return new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
    }

    private static string Escape(string value) => System.Security.SecurityElement.Escape(value) ?? value;
}
