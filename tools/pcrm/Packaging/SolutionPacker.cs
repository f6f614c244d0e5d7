using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PropertyCrm.Cli.Packaging.Generation;

namespace PropertyCrm.Cli.Packaging;

/// <summary>Settings of one `pcrm pack` run.</summary>
/// <param name="Languages">The base languages to write zips for; null writes every one (<see cref="BaseLanguage.All"/>).</param>
internal sealed record PackOptions(string SolutionFolder, string OutputFolder, string? SchemaFolder, bool Build, IReadOnlyList<BaseLanguage>? Languages = null);

/// <summary>
/// `pcrm pack`: build, drift check, validate, then write the unmanaged and managed zips the way
/// SolutionPackager lays them out (SOLUTION-LAYOUT §1, §3, §4), once per base language (2052 and 1033 by
/// default): each variant is the same merge with <see cref="BaseLanguageTransform"/> applied, XSD-validated
/// before it is written.
/// </summary>
internal static class SolutionPacker
{
    private const int FixedStages = 4;

    public static int Run(RepositoryLayout layout, PackOptions options, TextWriter output, TextWriter error)
    {
        var languages = options.Languages ?? BaseLanguage.All;
        var stages = FixedStages + (languages.Count * 2);
        void Stage(int number, string text) => output.WriteLine($"[{number}/{stages}] {text}");

        Stage(1, options.Build ? "构建 Release 程序集 / building Release assemblies…" : "使用已构建的程序集 / using prebuilt assemblies (--no-build)…");
        if (options.Build && !ReleaseBuilder.Build(layout, output, error))
        {
            return 1;
        }

        Stage(2, "检查生成的组件 / checking generated components against the code…");
        var input = CatalogInput.FromBuild(layout);
        var drift = ComponentGenerator.Generate(input, options.SolutionFolder).Differences(options.SolutionFolder);
        if (drift.Count > 0)
        {
            foreach (var difference in drift)
            {
                error.WriteLine($"  {difference}");
            }

            error.WriteLine("Solution/ 与代码声明不一致，请运行 ./pcrm generate 并提交 / Solution/ is out of date with the code declarations: run ./pcrm generate and commit the result.");
            return 1;
        }

        Stage(3, "验证 / validating…");
        var folder = new SolutionFolder(options.SolutionFolder);
        var xsd = new XsdValidator(options.SchemaFolder);
        var report = new SolutionValidator(xsd).Validate(folder);
        report.Print(output);
        if (!report.IsClean)
        {
            error.WriteLine("验证失败，未打包 / validation failed, nothing packed.");
            return 1;
        }

        Stage(4, $"合并并验证 customizations.xml / merging and validating customizations (unmanaged, managed; base {string.Join(", ", languages.Select(l => l.Code))})…");
        var version = layout.ReadVersion();
        var built = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [input.Plugins.Name] = input.Plugins.Path,
        };
        if (input.WorkflowActivities is not null)
        {
            built[input.WorkflowActivities.Name] = input.WorkflowActivities.Path;
        }

        var packages = languages
            .SelectMany(language => new[] { PackageKind.Unmanaged, PackageKind.Managed }.Select(kind => (Language: language, Kind: kind)))
            .Select(p => (p.Language, p.Kind, Entries: Entries(folder, p.Kind, p.Language, version, built, error)))
            .ToList();
        if (packages.Any(p => p.Entries is null) || !AllValid(packages.Select(p => (p.Language, p.Kind, p.Entries!)), xsd, error))
        {
            return 1;
        }

        var uniqueName = folder.ReadRoot(SolutionPaths.Manifest).Element(ManifestWriter.ManifestElement)?.Element("UniqueName")?.Value ?? "PropertyCrm";
        var written = new List<string>();
        var stage = FixedStages + 1;
        foreach (var (language, kind, entries) in packages)
        {
            var path = Path.Combine(options.OutputFolder, ZipName(uniqueName, version, kind, language));
            Stage(stage++, $"写入 / writing {Path.GetFileName(path)} (基础语言 base language {language.Code} {language.Name})…");
            ZipWriter.Write(path, entries!);
            written.Add(Path.GetFullPath(path));
        }

        output.WriteLine("完成 / done:");
        written.ForEach(p => output.WriteLine($"  {p}"));
        return 0;
    }

    /// <summary>
    /// &lt;UniqueName&gt;_&lt;version, dots as underscores&gt;_managed.zip, the name Dataverse's export gives a managed
    /// zip (e.g. "VisionDesign_1_0_0_0_managed.zip", "KSeF_1_0_0_0_managed.zip" in public repositories). The
    /// export names the unmanaged zip without a suffix; ours says _unmanaged so the two are never mistaken.
    /// The 2052 variant keeps this name (earlier releases and scripts use it).
    /// </summary>
    public static string ZipName(string uniqueName, string version, PackageKind kind) => ZipName(uniqueName, version, kind, BaseLanguage.Chinese);

    /// <summary>As above with the language's suffix after the version: PropertyCrm_1_0_0_0_en_managed.zip for base 1033.</summary>
    public static string ZipName(string uniqueName, string version, PackageKind kind, BaseLanguage language) =>
        $"{uniqueName}_{version.Replace('.', '_')}{language.ZipSuffix}_{(kind == PackageKind.Managed ? "managed" : "unmanaged")}.zip";

    /// <summary>Every zip entry of one package, or null (after reporting) when a side file is missing.</summary>
    public static IReadOnlyList<KeyValuePair<string, byte[]>>? Entries(
        SolutionFolder folder,
        PackageKind kind,
        BaseLanguage language,
        string version,
        IReadOnlyDictionary<string, string> builtAssemblies,
        TextWriter error)
    {
        var merged = new CustomizationsMerger(folder, builtAssemblies).Merge(kind, language);
        var missing = merged.SideParts.Where(p => p.SourcePath is null).ToList();
        foreach (var part in missing)
        {
            error.WriteLine($"缺少文件 / missing file for zip entry {part.ZipPath} (named in {part.DeclaredIn})");
        }

        if (missing.Count > 0)
        {
            return null;
        }

        var entries = new List<KeyValuePair<string, byte[]>>
        {
            new("solution.xml", XmlOutput.BareFile(ManifestWriter.Build(folder, kind, version, language, merged.Customizations.Root!))),
            new("customizations.xml", XmlOutput.BareFile(merged.Customizations)),
        };
        entries.AddRange(merged.SideParts
            .OrderBy(p => p.ZipPath, StringComparer.Ordinal)
            .Select(p => new KeyValuePair<string, byte[]>(p.ZipPath, LocalizedSidePart.Bytes(p, language))));
        entries.Insert(0, new(ContentTypesWriter.EntryName, ContentTypesWriter.Build(entries.Select(e => e.Key))));
        return entries;
    }

    /// <summary>
    /// XSD validation of the customizations.xml each zip will hold, so every variant written is one that was
    /// validated (stage 3 validated the source; this proves the language transformation kept it valid).
    /// </summary>
    private static bool AllValid(
        IEnumerable<(BaseLanguage Language, PackageKind Kind, IReadOnlyList<KeyValuePair<string, byte[]>> Entries)> packages,
        XsdValidator xsd,
        TextWriter error)
    {
        var valid = true;
        foreach (var (language, kind, entries) in packages)
        {
            var issues = new IssueList();
            using var stream = new MemoryStream(entries.Single(e => e.Key == "customizations.xml").Value);
            xsd.Validate(System.Xml.Linq.XDocument.Load(stream), issues);
            foreach (var issue in issues.All.Where(i => i.Severity == IssueSeverity.Error))
            {
                error.WriteLine($"  [{language.Code} {kind}] {issue}");
                valid = false;
            }
        }

        if (!valid)
        {
            error.WriteLine("语言变体验证失败，未打包 / a base-language variant failed XSD validation, nothing packed.");
        }

        return valid;
    }
}
