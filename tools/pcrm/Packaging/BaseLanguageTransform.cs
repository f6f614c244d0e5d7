using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging;

/// <summary>
/// Turns merged solution XML (customizations.xml, solution.xml, a custom API or environment variable file) into
/// what an export from an environment of the given base language holds, from the one bilingual source:
/// <list type="bullet">
/// <item>the manifest's root languagecode;</item>
/// <item>every label group (children carrying languagecode, or LCID in site maps) and &lt;Languages&gt; list the
/// base language first, as real exports do (PentaWork's 1033-base zip: 1033 then 1031);</item>
/// <item>the single-text attributes the platform keys on take the base-language label: the entity's
/// &lt;Name LocalizedName OriginalName&gt;, a choice's localizedName, a custom API's or environment variable's
/// default=, and a missing dependency's displayName.</item>
/// </list>
/// Nothing else changes, and no label is added or dropped: both variants carry every label in both languages.
/// </summary>
internal static class BaseLanguageTransform
{
    private const string LanguageCode = "languagecode";
    private const string Lcid = "LCID";

    /// <summary>Applies the transformation in place; true when anything changed.</summary>
    public static bool Apply(XElement root, BaseLanguage language)
    {
        var before = new XElement(root);
        var code = language.CodeText;
        if (root.Attribute(LanguageCode) is { } rootCode)
        {
            rootCode.Value = code;
        }

        foreach (var group in root.DescendantsAndSelf().Where(e => e.Elements().Any(IsLabel)).ToList())
        {
            PutFirst(group.Elements().Where(IsLabel).ToList(), l => CodeOf(l) == code);
        }

        foreach (var languages in root.DescendantsAndSelf("Languages").ToList())
        {
            PutFirst(languages.Elements("Language").ToList(), l => l.Value.Trim() == code);
        }

        NameEntities(root, code);
        NameChoices(root, code);
        NameDefaults(root, code);
        return !XNode.DeepEquals(before, root);
    }

    /// <summary>
    /// solution.xml's missing dependencies name an app (type 80) or table (type 1) by its display name; it takes
    /// the base-language name that the merged customizations give that component.
    /// </summary>
    public static void NameDependencies(XElement manifestRoot, XElement customizations, BaseLanguage language)
    {
        var names = new Dictionary<(string, string), string>();
        foreach (var app in customizations.Descendants("AppModule"))
        {
            AddName(names, "80", (string?)app.Element("UniqueName"), Label(app.Element("LocalizedNames"), language.CodeText));
        }

        foreach (var entity in customizations.Descendants("Entity"))
        {
            var info = entity.Element("EntityInfo")?.Element("entity");
            AddName(names, "1", (string?)info?.Attribute("Name"), Label(info?.Element("LocalizedNames"), language.CodeText));
        }

        foreach (var component in manifestRoot.Descendants().Where(e => e.Name == "Required" || e.Name == "Dependent"))
        {
            var key = ((string?)component.Attribute("type") ?? string.Empty, ((string?)component.Attribute("schemaName") ?? string.Empty).ToLowerInvariant());
            if (component.Attribute("displayName") is { } displayName && names.TryGetValue(key, out var name))
            {
                displayName.Value = name;
            }
        }
    }

    private static void AddName(Dictionary<(string, string), string> names, string type, string? schemaName, string? name)
    {
        if (schemaName is not null && name is not null)
        {
            names[(type, schemaName.ToLowerInvariant())] = name;
        }
    }

    private static bool IsLabel(XElement element) => element.Attribute(LanguageCode) is not null || element.Attribute(Lcid) is not null;

    private static string? CodeOf(XElement label) => ((string?)label.Attribute(LanguageCode) ?? (string?)label.Attribute(Lcid))?.Trim();

    /// <summary>The base-language text of a label group, or null when the group has none.</summary>
    private static string? Label(XElement? group, string code)
    {
        var label = group?.Elements().FirstOrDefault(l => IsLabel(l) && CodeOf(l) == code);
        return label is null ? null : (string?)label.Attribute("description") ?? (string?)label.Attribute("Title") ?? label.Value;
    }

    /// <summary>
    /// Stable reorder inside the slots the items already occupy, so whitespace and other children keep their place
    /// (verbatim files are rewritten preserving their layout) and moved elements keep their annotations.
    /// </summary>
    private static void PutFirst(IReadOnlyList<XElement> items, Func<XElement, bool> isBase)
    {
        var ordered = items.Where(isBase).Concat(items.Where(i => !isBase(i))).ToList();
        if (ordered.SequenceEqual(items))
        {
            return;
        }

        var slots = items.Select(i =>
        {
            var slot = new XComment(string.Empty);
            i.AddBeforeSelf(slot);
            i.Remove();
            return slot;
        }).ToList();
        for (var i = 0; i < slots.Count; i++)
        {
            slots[i].ReplaceWith(ordered[i]);
        }
    }

    /// <summary>&lt;Entity&gt;&lt;Name LocalizedName OriginalName&gt;: the table's display name in the base language.</summary>
    private static void NameEntities(XElement root, string code)
    {
        foreach (var entity in root.DescendantsAndSelf("Entity"))
        {
            var name = entity.Element("Name");
            var label = Label(entity.Element("EntityInfo")?.Element("entity")?.Element("LocalizedNames"), code);
            if (name is null || label is null)
            {
                continue;
            }

            foreach (var attribute in new[] { name.Attribute("LocalizedName"), name.Attribute("OriginalName") }.OfType<XAttribute>())
            {
                attribute.Value = label;
            }
        }
    }

    /// <summary>&lt;optionset localizedName&gt;: the choice's display name in the base language.</summary>
    private static void NameChoices(XElement root, string code)
    {
        foreach (var choice in root.DescendantsAndSelf("optionset"))
        {
            var label = Label(choice.Element("displaynames"), code);
            if (choice.Attribute("localizedName") is { } localizedName && label is not null)
            {
                localizedName.Value = label;
            }
        }
    }

    /// <summary>&lt;displayname default="…"&gt; / &lt;description default="…"&gt; of custom APIs and environment variables.</summary>
    private static void NameDefaults(XElement root, string code)
    {
        foreach (var element in root.DescendantsAndSelf().Where(e => e.Attribute("default") is not null && e.Elements("label").Any()))
        {
            var label = Label(element, code);
            if (label is not null)
            {
                element.Attribute("default")!.Value = label;
            }
        }
    }
}
