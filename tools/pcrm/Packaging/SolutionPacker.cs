using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PropertyCrm.Cli.Packaging.Generation;

namespace PropertyCrm.Cli.Packaging;

/// <summary>Settings of one `pcrm pack` run.</summary>
internal sealed record PackOptions(string SolutionFolder, string OutputFolder, string? SchemaFolder, bool Build);

/// <summary>
/// `pcrm pack`: build, drift check, validate, then write the unmanaged and managed zips the way
/// SolutionPackager lays them out (SOLUTION-LAYOUT §1, §3, §4).
/// </summary>
internal static class SolutionPacker
{
    private const int Stages = 6;

    public static int Run(RepositoryLayout layout, PackOptions options, TextWriter output, TextWriter error)
    {
        Stage(output, 1, options.Build ? "构建 Release 程序集 / building Release assemblies…" : "使用已构建的程序集 / using prebuilt assemblies (--no-build)…");
        if (options.Build && !ReleaseBuilder.Build(layout, output, error))
        {
            return 1;
        }

        Stage(output, 2, "检查生成的组件 / checking generated components against the code…");
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

        Stage(output, 3, "验证 / validating…");
        var folder = new SolutionFolder(options.SolutionFolder);
        var report = new SolutionValidator(new XsdValidator(options.SchemaFolder)).Validate(folder);
        report.Print(output);
        if (!report.IsClean)
        {
            error.WriteLine("验证失败，未打包 / validation failed, nothing packed.");
            return 1;
        }

        Stage(output, 4, "合并 customizations.xml / merging customizations (unmanaged, managed)…");
        var version = layout.ReadVersion();
        var built = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [input.Plugins.Name] = input.Plugins.Path,
        };
        if (input.WorkflowActivities is not null)
        {
            built[input.WorkflowActivities.Name] = input.WorkflowActivities.Path;
        }

        var packages = new[] { PackageKind.Unmanaged, PackageKind.Managed }
            .Select(kind => (Kind: kind, Entries: Entries(folder, kind, version, built, error)))
            .ToList();
        if (packages.Any(p => p.Entries is null))
        {
            return 1;
        }

        var uniqueName = folder.ReadRoot(SolutionPaths.Manifest).Element(ManifestWriter.ManifestElement)?.Element("UniqueName")?.Value ?? "PropertyCrm";
        var written = new List<string>();
        var stage = 5;
        foreach (var (kind, entries) in packages)
        {
            var path = Path.Combine(options.OutputFolder, ZipName(uniqueName, version, kind));
            Stage(output, stage++, $"写入 / writing {Path.GetFileName(path)}…");
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
    /// </summary>
    public static string ZipName(string uniqueName, string version, PackageKind kind) =>
        $"{uniqueName}_{version.Replace('.', '_')}_{(kind == PackageKind.Managed ? "managed" : "unmanaged")}.zip";

    /// <summary>Every zip entry of one package, or null (after reporting) when a side file is missing.</summary>
    public static IReadOnlyList<KeyValuePair<string, byte[]>>? Entries(
        SolutionFolder folder, PackageKind kind, string version, IReadOnlyDictionary<string, string> builtAssemblies, TextWriter error)
    {
        var merged = new CustomizationsMerger(folder, builtAssemblies).Merge(kind);
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
            new("solution.xml", XmlOutput.BareFile(ManifestWriter.Build(folder, kind, version))),
            new("customizations.xml", XmlOutput.BareFile(merged.Customizations)),
        };
        entries.AddRange(merged.SideParts
            .OrderBy(p => p.ZipPath, StringComparer.Ordinal)
            .Select(p => new KeyValuePair<string, byte[]>(p.ZipPath, File.ReadAllBytes(p.SourcePath!))));
        entries.Insert(0, new(ContentTypesWriter.EntryName, ContentTypesWriter.Build(entries.Select(e => e.Key))));
        return entries;
    }

    private static void Stage(TextWriter output, int number, string text) => output.WriteLine($"[{number}/{Stages}] {text}");
}
