using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Tests.Packaging;

/// <summary>
/// A package entry with its language parts taken out, written independently of pcrm's transformation so the two
/// cannot share a mistake: the root languagecode removed, every label group and &lt;Languages&gt; sorted by LCID, and
/// the single-text names that follow the base language (entity Name LocalizedName/OriginalName, choice
/// localizedName, default= of a label group, dependency displayName) blanked. Two variants of one package must
/// have equal forms; anything else that differs is a difference between them.
/// </summary>
internal static class LanguageNeutralForm
{
    public static string Of(string entryName, byte[] bytes)
    {
        if (!entryName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            return Convert.ToBase64String(bytes);
        }

        using var stream = new MemoryStream(bytes);
        var root = XDocument.Load(stream).Root!;
        root.Attribute("languagecode")?.Remove();
        foreach (var parent in root.DescendantsAndSelf().Where(e => e.Elements().Any(IsLabel)).ToList())
        {
            var labels = parent.Elements().Where(IsLabel).ToList();
            labels.ForEach(l => l.Remove());
            parent.Add(labels.OrderBy(Code, StringComparer.Ordinal));
        }

        foreach (var languages in root.DescendantsAndSelf("Languages").ToList())
        {
            languages.ReplaceNodes(languages.Elements().OrderBy(l => l.Value, StringComparer.Ordinal).ToList());
        }

        foreach (var name in root.DescendantsAndSelf("Entity").Elements("Name"))
        {
            Blank(name, "LocalizedName", "OriginalName");
        }

        foreach (var element in root.DescendantsAndSelf())
        {
            if (element.Name == "optionset")
            {
                Blank(element, "localizedName");
            }
            else if (element.Name == "Dependent" || element.Name == "Required")
            {
                Blank(element, "displayName");
            }
            else if (element.Elements("label").Any())
            {
                Blank(element, "default");
            }
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The first place two language-neutral forms differ, or null when they are equal.</summary>
    public static string? FirstDifference(string entryName, string left, string right)
    {
        if (left == right)
        {
            return null;
        }

        var at = left.Zip(right).TakeWhile(p => p.First == p.Second).Count();
        string Around(string s) => s.Substring(Math.Max(0, at - 120), Math.Min(240, s.Length - Math.Max(0, at - 120)));
        return $"{entryName} differs at {at}:{Environment.NewLine}  {Around(left)}{Environment.NewLine}  {Around(right)}";
    }

    public static IEnumerable<XElement> LabelGroups(XElement root) => root.DescendantsAndSelf().Where(e => e.Elements().Any(IsLabel));

    public static bool IsLabel(XElement element) => element.Attribute("languagecode") is not null || element.Attribute("LCID") is not null;

    public static string Code(XElement label) => ((string?)label.Attribute("languagecode") ?? (string?)label.Attribute("LCID") ?? string.Empty).Trim();

    private static void Blank(XElement element, params string[] attributes)
    {
        foreach (var attribute in attributes.Select(a => element.Attribute(a)).OfType<XAttribute>())
        {
            attribute.Value = string.Empty;
        }
    }
}
