using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using PropertyCrm.Cli.Packaging;
using PropertyCrm.Cli.Packaging.Generation;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Packaging;

/// <summary>pcrm pack (with prebuilt assemblies) writes both zips with the entries an exported solution has.</summary>
[Collection(PackagingCollection.Name)]
public sealed class SolutionPackerTests
{
    private readonly PackagingFixture fixture;

    public SolutionPackerTests(PackagingFixture fixture)
    {
        this.fixture = fixture;
    }

    [Fact]
    public void Pack_CommittedSolution_WritesManagedAndUnmanagedZips()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var outDir = copy.Root + "-out";
        try
        {
            var (exit, log) = Pack(copy.Root, outDir);
            var version = fixture.Layout.ReadVersion();

            Assert.True(exit == 0, log);
            foreach (var kind in new[] { PackageKind.Unmanaged, PackageKind.Managed })
            {
                var zipPath = Path.Combine(outDir, SolutionPacker.ZipName("PropertyCrm", version, kind));
                Assert.True(File.Exists(zipPath), $"{zipPath} missing; log:{Environment.NewLine}{log}");
                using var zip = ZipFile.OpenRead(zipPath);
                var names = zip.Entries.Select(e => e.FullName).ToList();

                Assert.Equal(ContentTypesWriter.EntryName, names[0]);
                Assert.Contains("solution.xml", names);
                Assert.Contains("customizations.xml", names);

                var manifest = Read(zip, "solution.xml").Root!.Element("SolutionManifest")!;
                Assert.Equal(kind == PackageKind.Managed ? "1" : "0", manifest.Element("Managed")!.Value);
                Assert.Equal(version, manifest.Element("Version")!.Value);

                var contentTypes = Read(zip, ContentTypesWriter.EntryName).ToString();
                Assert.Contains("Extension=\"xml\"", contentTypes, StringComparison.Ordinal);

                AssertCustomizationsValidate(Read(zip, "customizations.xml"));
                AssertAssembliesPresent(zip, names, contentTypes);
                Assert.Contains(names, n => n.StartsWith("environmentvariabledefinitions/", StringComparison.Ordinal));
            }
        }
        finally
        {
            if (Directory.Exists(outDir))
            {
                Directory.Delete(outDir, recursive: true);
            }
        }
    }

    [Fact]
    public void Pack_Twice_WritesIdenticalZips()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var first = copy.Root + "-a";
        var second = copy.Root + "-b";
        try
        {
            Assert.Equal(0, Pack(copy.Root, first).Exit);
            Assert.Equal(0, Pack(copy.Root, second).Exit);

            foreach (var file in Directory.GetFiles(first))
            {
                Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(second, Path.GetFileName(file))));
            }
        }
        finally
        {
            foreach (var dir in new[] { first, second }.Where(Directory.Exists))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public void Pack_SolutionOutOfDateWithCode_FailsAndAsksForGenerate()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        ComponentGenerator.Generate(fixture.Input, copy.Root).Write(copy.Root);

        // A step root component the code no longer declares: generate would remove it, so pack must refuse.
        copy.Edit("Other/Solution.xml", d => d.Descendants("RootComponents").Single().Add(
            new XElement("RootComponent", new XAttribute("type", "92"), new XAttribute("id", "{00000000-0000-0000-0000-000000000092}"), new XAttribute("behavior", "0"))));

        var (exit, log) = Pack(copy.Root, copy.Root + "-out", generate: false);

        Assert.Equal(1, exit);
        Assert.Contains("./pcrm generate", log, StringComparison.Ordinal);
    }

    [Fact]
    public void ZipName_Version_UsesUnderscoresAndPackageKind()
    {
        Assert.Equal("PropertyCrm_1_2_3_4_managed.zip", SolutionPacker.ZipName("PropertyCrm", "1.2.3.4", PackageKind.Managed));
        Assert.Equal("PropertyCrm_1_2_3_4_unmanaged.zip", SolutionPacker.ZipName("PropertyCrm", "1.2.3.4", PackageKind.Unmanaged));
    }

    [Fact]
    public void ContentTypes_EntriesWithAndWithoutExtension_ListsDefaultsAndOverrides()
    {
        var bytes = ContentTypesWriter.Build(new[] { "solution.xml", "PluginAssemblies/A-1/A.dll", "WebResources/pcrm_iconABC" });
        var text = System.Text.Encoding.UTF8.GetString(bytes.AsSpan(3));

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
        Assert.Contains("<Default Extension=\"xml\" ContentType=\"application/octet-stream\" /><Default Extension=\"dll\"", text, StringComparison.Ordinal);
        Assert.Contains("<Override PartName=\"/WebResources/pcrm_iconABC\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text, StringComparison.Ordinal);
    }

    /// <summary>Packs a copy whose generated parts are up to date (like a committed tree after ./pcrm generate).</summary>
    private (int Exit, string Log) Pack(string solution, string outDir, bool generate = true)
    {
        if (generate)
        {
            ComponentGenerator.Generate(fixture.Input, solution).Write(solution);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = SolutionPacker.Run(fixture.Layout, new PackOptions(solution, outDir, fixture.SchemaFolder, Build: false), output, error);
        return (exit, output + Environment.NewLine + error);
    }

    private void AssertCustomizationsValidate(XDocument customizations)
    {
        var issues = new IssueList();
        fixture.Xsd.Validate(customizations, issues);
        Assert.True(issues.ErrorCount == 0, string.Join(Environment.NewLine, issues.All));
    }

    private void AssertAssembliesPresent(ZipArchive zip, IReadOnlyList<string> names, string contentTypes)
    {
        var input = fixture.Input;
        foreach (var assembly in new[] { input.Plugins, input.WorkflowActivities }.OfType<BuiltAssembly>().Where(a => a.PluginTypes.Count + a.WorkflowActivityTypes.Count > 0))
        {
            var entry = PluginAssemblyXmlWriter.ZipPath(assembly);
            Assert.Contains(entry, names);
            using var stream = zip.GetEntry(entry)!.Open();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            Assert.Equal(File.ReadAllBytes(assembly.Path), bytes.ToArray());
            Assert.Contains("Extension=\"dll\"", contentTypes, StringComparison.Ordinal);
        }
    }

    private static XDocument Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        return XDocument.Load(stream);
    }
}
