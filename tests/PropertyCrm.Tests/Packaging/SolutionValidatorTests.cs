using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using PropertyCrm.Cli;
using PropertyCrm.Cli.Packaging;
using PropertyCrm.Cli.Packaging.Checks;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Packaging;

/// <summary>
/// pcrm validate over the committed Solution/ (must be clean) and over copies broken in one way each:
/// every error class is reported, with the Solution/ file it sits in.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class SolutionValidatorTests
{
    private const string Unknown = "pcrm_doesnotexist";
    private readonly PackagingFixture fixture;

    public SolutionValidatorTests(PackagingFixture fixture)
    {
        this.fixture = fixture;
    }

    [Fact]
    public void Validate_CommittedSolution_HasNoErrors()
    {
        var report = fixture.Validate(RepoPaths.Solution);

        Assert.True(report.IsClean, string.Join(Environment.NewLine, report.Issues.All));
        Assert.Contains(report.Counts, c => c.Key == "tables" && c.Value > 0);
    }

    [Fact]
    public void Validate_FormControlOnUnknownColumn_ReportsAttributeErrorInFormFile()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var form = copy.FirstFile("Entities", "*.xml", d => d.Descendants("control").Any(c => c.Attribute("datafieldname") is not null) && d.Root!.Name == "forms");
        copy.Edit(form, d => d.Descendants("control").First(c => c.Attribute("datafieldname") is not null).SetAttributeValue("datafieldname", Unknown));

        AssertError(fixture.Validate(copy.Root), "attributes", form, Unknown);
    }

    [Fact]
    public void Validate_ViewCellOnUnknownColumn_ReportsAttributeErrorInViewFile()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var view = copy.FirstFile("Entities", "*.xml", d => d.Root!.Name == "savedqueries" && d.Descendants("cell").Any());
        copy.Edit(view, d => d.Descendants("cell").First().SetAttributeValue("name", Unknown));

        AssertError(fixture.Validate(copy.Root), "attributes", view, Unknown);
    }

    [Fact]
    public void Validate_ViewConditionOnUnknownColumn_ReportsAttributeError()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var view = copy.FirstFile("Entities", "*.xml", d => d.Root!.Name == "savedqueries" && d.Descendants("condition").Any());
        copy.Edit(view, d => d.Descendants("condition").First().SetAttributeValue("attribute", Unknown));

        AssertError(fixture.Validate(copy.Root), "attributes", view, Unknown);
    }

    [Fact]
    public void Validate_KeyOnUnknownColumn_ReportsAttributeErrorInEntityFile()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var entity = copy.FirstFile("Entities", "Entity.xml", d => d.Descendants("EntityKey").Any());
        copy.Edit(entity, d => d.Descendants("EntityKeyAttributes").Elements("AttributeName").First().Value = Unknown);

        AssertError(fixture.Validate(copy.Root), "attributes", entity, Unknown);
    }

    [Fact]
    public void Validate_RelationshipOnUnknownLookup_ReportsAttributeErrorInRelationshipFile()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var relationships = copy.FirstFile("Other/Relationships", "*.xml", d => d.Descendants("ReferencingAttributeName").Any());
        copy.Edit(relationships, d => d.Descendants("ReferencingAttributeName").First().Value = Unknown);

        AssertError(fixture.Validate(copy.Root), "attributes", relationships, Unknown);
    }

    [Fact]
    public void Validate_EnvironmentVariableWithoutPrefix_ReportsNamingError()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var variable = copy.FirstFile("environmentvariabledefinitions", "environmentvariabledefinition.xml");
        copy.Edit(variable, d => d.Root!.SetAttributeValue("schemaname", "new_Calendar"));

        AssertError(fixture.Validate(copy.Root), "naming", variable, "new_Calendar");
    }

    [Fact]
    public void Validate_EnvironmentVariableWithUndocumentedType_ReportsFolderError()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var variable = copy.FirstFile("environmentvariabledefinitions", "environmentvariabledefinition.xml");
        copy.Edit(variable, d => d.Root!.Element("type")!.Value = "7");

        AssertError(fixture.Validate(copy.Root), "folders", variable, "'7'");
    }

    [Fact]
    public void Validate_ColumnNameOverFiftyCharacters_ReportsNamingError()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var entity = copy.FirstFile("Entities", "Entity.xml", d => d.Descendants("attribute").Any(IsCustomColumn));
        var longName = "pcrm_" + new string('x', NameLimits.ColumnName);
        copy.Edit(entity, d =>
        {
            var clone = new XElement(d.Descendants("attribute").First(IsCustomColumn));
            clone.SetElementValue("Name", longName);
            clone.SetElementValue("LogicalName", longName);
            clone.SetAttributeValue("PhysicalName", longName);
            d.Descendants("attributes").First().Add(clone);
        });

        AssertError(fixture.Validate(copy.Root), "naming", entity, $"limit is {NameLimits.ColumnName}");
    }

    [Fact]
    public void Validate_OptionValueWithoutPublisherPrefix_ReportsOptionError()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var optionSet = copy.FirstFile("OptionSets", "*.xml");
        copy.Edit(optionSet, d => d.Descendants("option").First().SetAttributeValue("value", "1"));

        AssertError(fixture.Validate(copy.Root), "options", optionSet, "54821");
    }

    [Fact]
    public void Validate_TableMissingFromRootComponents_ReportsRootComponentError()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        string removed = string.Empty;
        copy.Edit("Other/Solution.xml", d =>
        {
            var table = d.Descendants("RootComponent").First(r => (string?)r.Attribute("type") == "1" && ((string?)r.Attribute("schemaName"))!.StartsWith("pcrm_", StringComparison.Ordinal));
            removed = (string)table.Attribute("schemaName")!;
            table.Remove();
        });

        AssertError(fixture.Validate(copy.Root), "rootcomponents", $"Entities/{removed}/Entity.xml", removed, fileMatchIgnoreCase: true);
    }

    [Fact]
    public void Validate_CopiedViewWithSameId_ReportsDuplicateId()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var view = copy.FirstFile("Entities", "*.xml", d => d.Root!.Name == "savedqueries");
        var duplicate = Path.Combine(Path.GetDirectoryName(copy.Full(view))!, "{00000000-0000-0000-0000-000000000001}.xml");
        File.Copy(copy.Full(view), duplicate);

        var report = fixture.Validate(copy.Root);

        Assert.Contains(report.Issues.All, i => i.Check == "duplicates" && i.Message.Contains("duplicate id", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_LabelWithoutChinese_ReportsMissing2052()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var optionSet = copy.FirstFile("OptionSets", "*.xml");
        copy.Edit(optionSet, d => d.Descendants("displayname").Single(l => (string?)l.Attribute("languagecode") == "2052").Remove());

        AssertError(fixture.Validate(copy.Root), "labels", optionSet, "2052");
    }

    [Fact]
    public void Validate_ElementTheSchemaDoesNotAllow_ReportsXsdErrorInSourceFile()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var optionSet = copy.FirstFile("OptionSets", "*.xml");
        copy.Edit(optionSet, d => d.Root!.Element("IsGlobal")!.AddAfterSelf(new XElement("NotInTheSchema", "1")));

        AssertError(fixture.Validate(copy.Root), XsdValidator.CheckName, optionSet, "NotInTheSchema");
    }

    [Fact]
    public void Validate_StepFilteringOnUnknownColumn_ReportsAttributeErrorInStepFile()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var step = WriteGeneratedStep(copy);
        copy.Edit(step, d => d.Root!.Element("FilteringAttributes")!.Value = Unknown);

        AssertError(fixture.Validate(copy.Root), "attributes", step, Unknown);
    }

    [Fact]
    public void Validate_GeneratedSteps_PassXsdThroughDocumentedOrderException()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        WriteGeneratedStep(copy);

        var report = fixture.Validate(copy.Root);

        Assert.True(report.IsClean, string.Join(Environment.NewLine, report.Issues.All));
        Assert.Contains(report.ExceptionsApplied, e => e.Key.Child == "SdkMessageId" && e.Value > 0);
    }

    [Fact]
    public void Run_SchemaFolderMissing_ExitsWithUsageErrorNamingOptionAndVariable()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = Program.Run(new[] { "validate", "--schemas", Path.Combine(Path.GetTempPath(), "no-such-schemas") }, output, error);

        Assert.Equal(2, exit);
        Assert.Contains("--schemas", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(RepositoryLayout.SchemasEnvironmentVariable, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownOption_ExitsWithBilingualUsageError()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = Program.Run(new[] { "validate", "--bogus", "x" }, output, error);

        Assert.Equal(2, exit);
        Assert.Contains("未知选项", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Unknown option", error.ToString(), StringComparison.Ordinal);
    }

    private static bool IsCustomColumn(XElement attribute) =>
        attribute.Element("IsCustomField")?.Value == "1" && attribute.Element("Type")?.Value == "nvarchar";

    /// <summary>Writes the generated components into the copy (a step needs a plug-in assembly beside it) and returns one step file.</summary>
    private string WriteGeneratedStep(SolutionCopy copy)
    {
        var files = PropertyCrm.Cli.Packaging.Generation.ComponentGenerator.Generate(fixture.Input, copy.Root);
        files.Write(copy.Root);
        return files.Files.Keys.FirstOrDefault(k => k.StartsWith("SdkMessageProcessingSteps/", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("PluginCatalog declares no step; this test needs one.");
    }

    private static void AssertError(ValidationReport report, string check, string file, string messagePart, bool fileMatchIgnoreCase = false)
    {
        var comparison = fileMatchIgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        Assert.False(report.IsClean);
        Assert.True(
            report.Issues.All.Any(i => i.Severity == IssueSeverity.Error && i.Check == check && string.Equals(i.File, file, comparison) && i.Message.Contains(messagePart, StringComparison.Ordinal)),
            $"expected a [{check}] error in {file} mentioning '{messagePart}', got:{Environment.NewLine}{string.Join(Environment.NewLine, report.Issues.All)}");
    }
}
