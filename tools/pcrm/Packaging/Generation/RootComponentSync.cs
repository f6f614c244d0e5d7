using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging.Generation;

/// <summary>
/// Keeps the generated entries of Other/Solution.xml's RootComponents in step with the code: type 91 (one per
/// assembly, id + full name as schemaName) and 92 (one per step, id), as every export lists them
/// (SOLUTION-LAYOUT §5). Only those entries are touched; the file is edited node by node, whitespace
/// preserved, so every other line stays byte for byte as its author wrote it.
/// </summary>
internal static class RootComponentSync
{
    public const string AssemblyType = "91";
    public const string StepType = "92";
    private const string RootComponentsElement = "RootComponents";
    private const string RootComponentElement = "RootComponent";

    public static byte[] Apply(byte[] original, IEnumerable<BuiltAssembly> assemblies, IEnumerable<Guid> stepIds)
    {
        using var stream = new System.IO.MemoryStream(original);
        var document = XDocument.Load(stream, LoadOptions.PreserveWhitespace);
        var manifest = document.Root?.Element(ManifestWriter.ManifestElement)
            ?? throw new GenerationException($"{SolutionPaths.Manifest}: 缺少 SolutionManifest / SolutionManifest is missing");
        var rootComponents = manifest.Element(RootComponentsElement);
        if (rootComponents is null)
        {
            throw new GenerationException($"{SolutionPaths.Manifest}: 缺少 RootComponents / RootComponents is missing");
        }

        var wanted = assemblies.OrderBy(a => a.FullName, StringComparer.Ordinal).Select(a => new XElement(RootComponentElement,
                new XAttribute("type", AssemblyType),
                new XAttribute("id", ComponentIds.Braced(ComponentIds.Assembly(a.Name))),
                new XAttribute("schemaName", a.FullName),
                new XAttribute("behavior", "0")))
            .Concat(stepIds.Select(ComponentIds.Braced).OrderBy(id => id, StringComparer.Ordinal).Select(id => new XElement(RootComponentElement,
                new XAttribute("type", StepType),
                new XAttribute("id", id),
                new XAttribute("behavior", "0"))))
            .ToList();

        var indent = IndentOf(rootComponents);
        var generated = rootComponents.Elements(RootComponentElement)
            .Where(e => (string?)e.Attribute("type") is AssemblyType or StepType)
            .ToList();

        // The block goes where the first generated entry was, else at the end of the list.
        XNode? before = generated.Count > 0 ? (XNode?)PrecedingWhitespace(generated[0]) ?? generated[0] : null;
        XNode? anchor = before?.PreviousNode;
        var atStart = before is not null && anchor is null;
        foreach (var element in generated)
        {
            PrecedingWhitespace(element)?.Remove();
            element.Remove();
        }

        var block = wanted.SelectMany(e => new XNode[] { new XText(indent), e }).ToArray();
        if (anchor is not null)
        {
            anchor.AddAfterSelf(block);
        }
        else if (atStart)
        {
            rootComponents.AddFirst(block);
        }
        else if (rootComponents.LastNode is XText closing && string.IsNullOrWhiteSpace(closing.Value))
        {
            closing.AddBeforeSelf(block);
        }
        else
        {
            rootComponents.Add(block);
            rootComponents.Add(new XText(indent[..^2]));
        }

        var hasBom = original.Length >= 3 && original[0] == 0xEF && original[1] == 0xBB && original[2] == 0xBF;
        return XmlOutput.Preserving(document, hasBom);
    }

    private static XText? PrecedingWhitespace(XElement element) =>
        element.PreviousNode is XText text && string.IsNullOrWhiteSpace(text.Value) ? text : null;

    /// <summary>The newline + indentation used before entries, copied from an existing entry or derived from the parent's.</summary>
    private static string IndentOf(XElement rootComponents)
    {
        var first = rootComponents.Elements().FirstOrDefault();
        if (first is not null && PrecedingWhitespace(first) is { } text)
        {
            return text.Value;
        }

        var parentIndent = rootComponents.PreviousNode is XText parentText && string.IsNullOrWhiteSpace(parentText.Value) ? parentText.Value : "\n    ";
        return parentIndent + "  ";
    }
}
