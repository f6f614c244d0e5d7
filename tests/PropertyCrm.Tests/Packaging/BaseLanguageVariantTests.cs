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

/// <summary>
/// The 2052 and 1033 base-language variants pack and validate, carry every label in both languages, put their
/// own language first and differ from each other in nothing but those language parts.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class BaseLanguageVariantTests
{
    private readonly PackagingFixture fixture;

    public BaseLanguageVariantTests(PackagingFixture fixture)
    {
        this.fixture = fixture;
    }

    [Fact]
    public void Pack_DefaultLanguages_WritesFourZipsEachDeclaringItsBaseLanguageAndValidating()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var outDir = copy.Root + "-out";
        try
        {
            ComponentGenerator.Generate(fixture.Input, copy.Root).Write(copy.Root);
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = SolutionPacker.Run(fixture.Layout, new PackOptions(copy.Root, outDir, fixture.SchemaFolder, Build: false), output, error);
            var version = fixture.Layout.ReadVersion();

            Assert.True(exit == 0, output + Environment.NewLine + error);
            Assert.Equal(
                new[] { "PropertyCrm_1_0_0_0_en_managed.zip", "PropertyCrm_1_0_0_0_en_unmanaged.zip", "PropertyCrm_1_0_0_0_managed.zip", "PropertyCrm_1_0_0_0_unmanaged.zip" }
                    .Select(n => n.Replace("1_0_0_0", version.Replace('.', '_'), StringComparison.Ordinal)),
                Directory.GetFiles(outDir).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
            foreach (var language in BaseLanguage.All)
            {
                foreach (var kind in new[] { PackageKind.Unmanaged, PackageKind.Managed })
                {
                    using var zip = ZipFile.OpenRead(Path.Combine(outDir, SolutionPacker.ZipName("PropertyCrm", version, kind, language)));
                    var manifest = Read(zip, "solution.xml").Root!;
                    var customizations = Read(zip, "customizations.xml");

                    Assert.Equal(language.CodeText, (string?)manifest.Attribute("languagecode"));
                    Assert.Equal(kind == PackageKind.Managed ? "1" : "0", manifest.Element("SolutionManifest")!.Element("Managed")!.Value);
                    Assert.Equal(language.CodeText, customizations.Root!.Element("Languages")!.Elements("Language").First().Value);
                    var issues = new IssueList();
                    fixture.Xsd.Validate(customizations, issues);
                    Assert.True(issues.ErrorCount == 0, $"{language.Code} {kind}: {string.Join(Environment.NewLine, issues.All)}");
                }
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Entries_TwoBaseLanguages_DifferOnlyInLanguageParts(bool managed)
    {
        var kind = managed ? PackageKind.Managed : PackageKind.Unmanaged;
        var chinese = Entries(kind, BaseLanguage.Chinese);
        var english = Entries(kind, BaseLanguage.English);

        Assert.Equal(chinese.Keys, english.Keys);
        Assert.NotEqual(chinese["customizations.xml"], english["customizations.xml"]);
        foreach (var name in chinese.Keys)
        {
            var difference = LanguageNeutralForm.FirstDifference(
                name,
                LanguageNeutralForm.Of(name, chinese[name]),
                LanguageNeutralForm.Of(name, english[name]));
            Assert.True(difference is null, difference);
        }
    }

    [Fact]
    public void LanguageNeutralForm_VariantWithAnotherChange_ReportsTheDifference()
    {
        var chinese = Entries(PackageKind.Managed, BaseLanguage.Chinese)["customizations.xml"];
        var changed = XDocument.Load(new MemoryStream(Entries(PackageKind.Managed, BaseLanguage.English)["customizations.xml"]));
        changed.Descendants("systemform").First().Element("formid")!.Value = Guid.Empty.ToString("B");

        var difference = LanguageNeutralForm.FirstDifference(
            "customizations.xml",
            LanguageNeutralForm.Of("customizations.xml", chinese),
            LanguageNeutralForm.Of("customizations.xml", XmlOutput.BareFile(changed)));

        Assert.NotNull(difference);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Entries_EachBaseLanguage_EveryLabelGroupHasBothLanguagesBaseFirst(bool managed)
    {
        var kind = managed ? PackageKind.Managed : PackageKind.Unmanaged;
        foreach (var language in BaseLanguage.All)
        {
            var other = BaseLanguage.All.Single(l => l != language).CodeText;
            foreach (var (name, root) in XmlEntries(Entries(kind, language)))
            {
                foreach (var group in LanguageNeutralForm.LabelGroups(root))
                {
                    var codes = group.Elements().Where(LanguageNeutralForm.IsLabel).Select(LanguageNeutralForm.Code).ToList();
                    var texts = group.Elements().Where(LanguageNeutralForm.IsLabel).Select(l => (string?)l.Attribute("description") ?? (string?)l.Attribute("Title"));
                    if (texts.All(string.IsNullOrWhiteSpace))
                    {
                        continue;
                    }

                    Assert.True(codes.Count == 2 && codes[0] == language.CodeText && codes[1] == other, $"{language.Code} {name}: {group.Name} has {string.Join(",", codes)}");
                }
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Entries_EachBaseLanguage_NamesAreTheBaseLanguageLabels(bool managed)
    {
        var kind = managed ? PackageKind.Managed : PackageKind.Unmanaged;
        foreach (var language in BaseLanguage.All)
        {
            var entries = XmlEntries(Entries(kind, language)).ToList();
            var customizations = entries.Single(e => e.Name == "customizations.xml").Root;
            foreach (var entity in customizations.Descendants("Entity").Where(e => e.Element("EntityInfo")?.Element("entity")?.Element("LocalizedNames") is not null))
            {
                var label = LabelText(entity.Element("EntityInfo")!.Element("entity")!.Element("LocalizedNames")!, language);
                Assert.Equal(label, (string?)entity.Element("Name")!.Attribute("LocalizedName"));
                Assert.Equal(label, (string?)entity.Element("Name")!.Attribute("OriginalName"));
            }

            foreach (var choice in customizations.Descendants("optionset").Where(o => o.Attribute("localizedName") is not null))
            {
                Assert.Equal(LabelText(choice.Element("displaynames")!, language), (string?)choice.Attribute("localizedName"));
            }

            var defaults = entries.SelectMany(e => e.Root.DescendantsAndSelf()).Where(e => e.Attribute("default") is not null && e.Elements("label").Any()).ToList();
            Assert.NotEmpty(defaults);
            defaults.ForEach(d => Assert.Equal(LabelText(d, language), (string?)d.Attribute("default")));

            var app = customizations.Descendants("AppModule").Single();
            var dependent = entries.Single(e => e.Name == "solution.xml").Root.Descendants("Dependent").Single(d => (string?)d.Attribute("type") == "80");
            Assert.Equal(LabelText(app.Element("LocalizedNames")!, language), (string?)dependent.Attribute("displayName"));
        }
    }

    [Fact]
    public void Entries_Chinese_SolutionAndCustomizationsAsTheSourceMergeWrites()
    {
        var folder = new SolutionFolder(RepoPaths.Solution);
        var chinese = Entries(PackageKind.Managed, BaseLanguage.Chinese);

        // Solution/ is authored with base 2052, so the 2052 variant of the merged files is the plain merge.
        Assert.Equal(XmlOutput.BareFile(new CustomizationsMerger(folder).Merge(PackageKind.Managed).Customizations), chinese["customizations.xml"]);
        Assert.Equal(XmlOutput.BareFile(ManifestWriter.Build(folder, PackageKind.Managed, fixture.Layout.ReadVersion())), chinese["solution.xml"]);
    }

    [Fact]
    public void ZipName_English_AddsEnAfterTheVersion()
    {
        Assert.Equal("PropertyCrm_1_2_3_4_en_managed.zip", SolutionPacker.ZipName("PropertyCrm", "1.2.3.4", PackageKind.Managed, BaseLanguage.English));
        Assert.Equal("PropertyCrm_1_2_3_4_en_unmanaged.zip", SolutionPacker.ZipName("PropertyCrm", "1.2.3.4", PackageKind.Unmanaged, BaseLanguage.English));
        Assert.Equal("PropertyCrm_1_2_3_4_managed.zip", SolutionPacker.ZipName("PropertyCrm", "1.2.3.4", PackageKind.Managed, BaseLanguage.Chinese));
    }

    [Fact]
    public void Apply_CustomApiFileEnglishFirst_PutsChineseFirstKeepingLayoutOnce()
    {
        var document = XDocument.Parse(
            "<customapi>\n  <displayname default=\"发放积分\">\n    <label description=\"Award points\" languagecode=\"1033\" />\n    <label description=\"发放积分\" languagecode=\"2052\" />\n  </displayname>\n</customapi>",
            LoadOptions.PreserveWhitespace);

        Assert.True(BaseLanguageTransform.Apply(document.Root!, BaseLanguage.Chinese));
        Assert.False(BaseLanguageTransform.Apply(document.Root!, BaseLanguage.Chinese));
        Assert.Equal(
            "<customapi>\n  <displayname default=\"发放积分\">\n    <label description=\"发放积分\" languagecode=\"2052\" />\n    <label description=\"Award points\" languagecode=\"1033\" />\n  </displayname>\n</customapi>",
            document.ToString(SaveOptions.DisableFormatting));
        Assert.True(BaseLanguageTransform.Apply(document.Root!, BaseLanguage.English));
        Assert.Equal("Award points", (string?)document.Root!.Element("displayname")!.Attribute("default"));
    }

    private static string LabelText(XElement group, BaseLanguage language) =>
        group.Elements().Where(l => LanguageNeutralForm.Code(l) == language.CodeText).Select(l => (string)l.Attribute("description")!).Single();

    private static IEnumerable<(string Name, XElement Root)> XmlEntries(IReadOnlyDictionary<string, byte[]> entries) =>
        entries.Where(e => e.Key.EndsWith(".xml", StringComparison.Ordinal) && e.Key != ContentTypesWriter.EntryName)
            .Select(e => (e.Key, XDocument.Load(new MemoryStream(e.Value)).Root!));

    private static XDocument Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        return XDocument.Load(stream);
    }

    /// <summary>The entries one zip holds, built from the committed Solution/ and this run's assemblies.</summary>
    private Dictionary<string, byte[]> Entries(PackageKind kind, BaseLanguage language)
    {
        var input = fixture.Input;
        var built = new Dictionary<string, string>(StringComparer.Ordinal) { [input.Plugins.Name] = input.Plugins.Path };
        if (input.WorkflowActivities is not null)
        {
            built[input.WorkflowActivities.Name] = input.WorkflowActivities.Path;
        }

        using var error = new StringWriter();
        var entries = SolutionPacker.Entries(new SolutionFolder(RepoPaths.Solution), kind, language, fixture.Layout.ReadVersion(), built, error);
        Assert.True(entries is not null, error.ToString());
        return entries!.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }
}
