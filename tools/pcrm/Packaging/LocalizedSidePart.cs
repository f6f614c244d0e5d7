using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging;

/// <summary>
/// The bytes a side part takes in a base-language variant. Custom API and environment variable files travel
/// verbatim but carry labels and a default= text, so their XML gets <see cref="BaseLanguageTransform"/>; a file
/// the transformation leaves as it is (and every non-XML part) keeps its exact bytes.
/// </summary>
internal static class LocalizedSidePart
{
    private static readonly string[] LabelledFolders = { SolutionPaths.CustomApisFolder + "/", SolutionPaths.EnvironmentVariablesFolder + "/" };

    public static byte[] Bytes(SidePart part, BaseLanguage language)
    {
        var bytes = File.ReadAllBytes(part.SourcePath!);
        if (!part.ZipPath.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
            || !LabelledFolders.Any(f => part.ZipPath.StartsWith(f, StringComparison.Ordinal)))
        {
            return bytes;
        }

        using var stream = new MemoryStream(bytes);
        var document = XDocument.Load(stream, LoadOptions.PreserveWhitespace);
        if (document.Root is null || !BaseLanguageTransform.Apply(document.Root, language))
        {
            return bytes;
        }

        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        return XmlOutput.Preserving(document, bom);
    }
}
