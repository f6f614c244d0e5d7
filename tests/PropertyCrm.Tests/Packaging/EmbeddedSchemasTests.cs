using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using PropertyCrm.Cli;
using PropertyCrm.Cli.Packaging;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Packaging;

/// <summary>
/// The 9.0.0.2090 XSDs travel inside pcrm: validate works from any directory of a fresh clone with nothing
/// beside it, a chosen folder still wins, and a chosen folder that is missing is a usage error, not a fallback.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class EmbeddedSchemasTests
{
    private static readonly string[] Expected =
    {
        "CustomizationsSolution.xsd", "Fetch.xsd", "FormXml.xsd", "RibbonCore.xsd", "RibbonTypes.xsd", "RibbonWSS.xsd",
        "SiteMap.xsd", "SiteMapType.xsd", "VisualizationDataDescription.xsd", "isv.config.xsd",
    };

    private readonly PackagingFixture fixture;

    public EmbeddedSchemasTests(PackagingFixture fixture)
    {
        this.fixture = fixture;
    }

    [Fact]
    public void Files_Embedded_AreEveryFileTheRootSchemasInclude()
    {
        Assert.Equal(Expected.OrderBy(f => f, StringComparer.Ordinal), EmbeddedSchemas.Files());
    }

    [Fact]
    public void Files_Embedded_AreByteForByteTheCommittedFiles()
    {
        var folder = Path.Combine(RepoPaths.Root, "tools", "pcrm", "Schemas", EmbeddedSchemas.Version);
        foreach (var file in Expected)
        {
            using var resource = typeof(EmbeddedSchemas).Assembly.GetManifestResourceStream("Schemas/" + file)!;
            using var copy = new MemoryStream();
            resource.CopyTo(copy);
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, file)), copy.ToArray());
        }
    }

    [Fact]
    public void Validator_NoFolder_UsesBuiltInSchemasAndRejectsAnUnknownElement()
    {
        var xsd = new XsdValidator();
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        copy.Edit("Entities/pcrm_building/Entity.xml", d => d.Root!.Element("EntityInfo")!.Element("entity")!.Add(new XElement("NotInTheSchema")));

        var report = new SolutionValidator(xsd).Validate(new SolutionFolder(copy.Root));

        Assert.StartsWith("built-in " + EmbeddedSchemas.Version, xsd.Source, StringComparison.Ordinal);
        Assert.Contains(report.Issues.All, i => i.Check == XsdValidator.CheckName && i.Message.Contains("NotInTheSchema", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_FromAnotherDirectoryWithoutSchemaOption_ValidatesWithBuiltInSchemas()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var before = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = Path.Combine(RepoPaths.Root, "Solution", "Entities");
            var exit = Program.Run(new[] { "validate" }, output, error);

            Assert.True(exit == 0, output + error.ToString());
            if (Environment.GetEnvironmentVariable(RepositoryLayout.SchemasEnvironmentVariable) is null)
            {
                Assert.Contains("built-in " + EmbeddedSchemas.Version, output.ToString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            Environment.CurrentDirectory = before;
        }
    }
}
