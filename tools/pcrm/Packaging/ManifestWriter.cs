using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging;

/// <summary>
/// The zip's solution.xml: Other/Solution.xml with &lt;Managed&gt; set for the package kind (1 managed, 0
/// unmanaged, SOLUTION-LAYOUT §4) and &lt;Version&gt; stamped from the repository's single version source.
/// RootComponents and MissingDependencies are carried over unchanged.
/// </summary>
internal static class ManifestWriter
{
    public const string ManifestElement = "SolutionManifest";

    public static XDocument Build(SolutionFolder folder, PackageKind kind, string version)
    {
        var document = folder.Load(SolutionPaths.Manifest, LoadOptions.None);
        var manifest = document.Root?.Element(ManifestElement)
            ?? throw new SolutionFormatException(SolutionPaths.Manifest, "缺少 SolutionManifest / SolutionManifest is missing");
        SetValue(manifest, "Version", version);
        SetValue(manifest, "Managed", kind == PackageKind.Managed ? "1" : "0");
        return document;
    }

    private static void SetValue(XElement manifest, string name, string value)
    {
        var element = manifest.Element(name)
            ?? throw new SolutionFormatException(SolutionPaths.Manifest, $"缺少 {name} / <{name}> is missing");
        element.Value = value;
    }
}
