using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging;

/// <summary>
/// The zip's solution.xml: Other/Solution.xml with &lt;Managed&gt; set for the package kind (1 managed, 0
/// unmanaged, SOLUTION-LAYOUT §4) and &lt;Version&gt; stamped from the repository's single version source.
/// RootComponents and MissingDependencies are carried over; the language parts (root languagecode, label order,
/// a missing dependency's display name) take the package's base language (<see cref="BaseLanguageTransform"/>).
/// </summary>
internal static class ManifestWriter
{
    public const string ManifestElement = "SolutionManifest";

    public static XDocument Build(SolutionFolder folder, PackageKind kind, string version, BaseLanguage language, XElement customizations)
    {
        var document = Build(folder, kind, version);
        BaseLanguageTransform.Apply(document.Root!, language);
        BaseLanguageTransform.NameDependencies(document.Root!, customizations, language);
        return document;
    }

    /// <summary>The manifest in the source's own base language (2052).</summary>
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
