using System.Collections.Generic;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging;

/// <summary>
/// Annotation put on the root element of every file the merger reads, so an error found in the merged
/// customizations.xml can name the Solution/ file a developer has to open.
/// </summary>
internal sealed class SourceOrigin
{
    public SourceOrigin(string relativePath)
    {
        RelativePath = relativePath;
    }

    /// <summary>Path relative to the solution folder, with '/'.</summary>
    public string RelativePath { get; }

    /// <summary>The file the node came from, or the merged document's name when it came from nowhere.</summary>
    public static string FileOf(XObject? node)
    {
        for (var element = node as XElement ?? node?.Parent; element is not null; element = element.Parent)
        {
            var origin = element.Annotation<SourceOrigin>();
            if (origin is not null)
            {
                return origin.RelativePath;
            }
        }

        return "customizations.xml";
    }

    /// <summary>Line in the source file (1-based), or 0 when the node was created in memory.</summary>
    public static int LineOf(XObject? node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    /// <summary>A short element path inside the source file, e.g. `savedquery/fetchxml/fetch/entity/attribute`.</summary>
    public static string PathOf(XObject? node)
    {
        var element = node as XElement ?? node?.Parent;
        if (element is null)
        {
            return string.Empty;
        }

        var names = new List<string>();
        for (var current = element; current is not null; current = current.Parent)
        {
            names.Add(current.Name.LocalName);
            if (current.Annotation<SourceOrigin>() is not null)
            {
                break;
            }
        }

        names.Reverse();
        var path = string.Join("/", names.TakeLast(5));
        return node is XAttribute attribute ? $"{path}/@{attribute.Name.LocalName}" : path;
    }
}
