using System;
using System.Collections.Generic;
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
    public void Validate_ViewLinkOnColumnIntersectLacks_ReportsAttributeError()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var view = copy.FirstFile("Entities", "*.xml", d => d.Root!.Name == "savedqueries" && IntersectLinks(d).Any());
        copy.Edit(view, d => IntersectLinks(d).First().SetAttributeValue("from", "statecode"));

        AssertError(fixture.Validate(copy.Root), "attributes", view, "pcrm_contact_pcrm_tag");
    }

    [Fact]
    public void Validate_ViewLinkToIntersectOfNoRelationship_ReportsAttributeError()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var view = copy.FirstFile("Entities", "*.xml", d => d.Root!.Name == "savedqueries" && IntersectLinks(d).Any());
        copy.Edit(view, d => IntersectLinks(d).First().SetAttributeValue("name", "pcrm_contact_" + Unknown));

        AssertError(fixture.Validate(copy.Root), "attributes", view, "pcrm_contact_" + Unknown);
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
    public void Validate_CommittedSolution_CountsEveryChart()
    {
        var charts = Directory.EnumerateFiles(RepoPaths.Solution, "*.xml", SearchOption.AllDirectories)
            .Count(f => Path.GetFileName(Path.GetDirectoryName(f)) == "Visualizations" && !Path.GetFileNameWithoutExtension(f).EndsWith("_managed", StringComparison.Ordinal));

        var report = fixture.Validate(RepoPaths.Solution);

        Assert.True(charts > 0, "Solution/ has no chart; this test needs one.");
        Assert.Contains(report.Counts, c => c.Key == "charts" && c.Value == charts);
    }

    [Fact]
    public void Validate_ChartGroupByOnUnknownColumn_ReportsAttributeErrorInChartFile()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var chart = FirstChart(copy, d => d.Descendants("attribute").Any(a => (string?)a.Attribute("groupby") == "true"));
        copy.Edit(chart, d => d.Descendants("attribute").First(a => (string?)a.Attribute("groupby") == "true").SetAttributeValue("name", Unknown));

        AssertError(fixture.Validate(copy.Root), "attributes", chart, Unknown, element: "fetch/entity/attribute/@name");
    }

    [Fact]
    public void Validate_ChartAggregateOnUnknownColumn_ReportsAttributeErrorInChartFile()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var chart = FirstChart(copy, d => d.Descendants("attribute").Any(a => a.Attribute("aggregate") is not null));
        copy.Edit(chart, d => d.Descendants("attribute").First(a => a.Attribute("aggregate") is not null).SetAttributeValue("name", Unknown));

        AssertError(fixture.Validate(copy.Root), "attributes", chart, Unknown, element: "fetch/entity/attribute/@name");
    }

    [Fact]
    public void Validate_ChartConditionOnUnknownColumn_ReportsAttributeErrorInChartFile()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var chart = FirstChart(copy, d => d.Descendants("condition").Any());
        copy.Edit(chart, d => d.Descendants("condition").First().SetAttributeValue("attribute", Unknown));

        AssertError(fixture.Validate(copy.Root), "attributes", chart, Unknown, element: "filter/condition/@attribute");
    }

    [Fact]
    public void Validate_ChartOrderOnUnknownColumn_ReportsAttributeErrorInChartFile()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var chart = FirstChart(copy);
        copy.Edit(chart, d => d.Descendants("fetch").Elements("entity").First().Add(new XElement("order", new XAttribute("attribute", Unknown))));

        AssertError(fixture.Validate(copy.Root), "attributes", chart, Unknown, element: "fetch/entity/order/@attribute");
    }

    [Fact]
    public void Validate_ChartFetchOnAnotherTable_ReportsChartErrorInChartFile()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var chart = FirstChart(copy, d => (string?)d.Descendants("fetch").Elements("entity").First().Attribute("name") != "account");
        copy.Edit(chart, d => d.Descendants("fetch").Elements("entity").First().SetAttributeValue("name", "account"));

        var report = fixture.Validate(copy.Root);

        AssertError(report, "charts", chart, "'account' is not the table the chart is filed under", element: "fetch/entity/@name");
        Assert.DoesNotContain(report.Issues.All, i => i.Check == "attributes" && i.File == chart);
    }

    [Fact]
    public void Validate_ChartAggregateFetchXmlDoesNotKnow_ReportsChartErrorInChartFile()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var chart = FirstChart(copy, d => d.Descendants("attribute").Any(a => a.Attribute("aggregate") is not null));
        copy.Edit(chart, d => d.Descendants("attribute").First(a => a.Attribute("aggregate") is not null).SetAttributeValue("aggregate", "total"));

        AssertError(fixture.Validate(copy.Root), "charts", chart, "aggregate 'total'", element: "entity/attribute/@aggregate");
    }

    [Fact]
    public void Validate_ChartMeasureWithoutAggregateAlias_ReportsChartErrorInChartFile()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var chart = FirstChart(copy, d => d.Descendants("measure").Any());
        copy.Edit(chart, d => d.Descendants("measure").First().SetAttributeValue("alias", "pcrm_no_such_alias"));

        AssertError(fixture.Validate(copy.Root), "charts", chart, "measure alias 'pcrm_no_such_alias'", element: "measurecollection/measure/@alias");
    }

    [Fact]
    public void Validate_ChartMeasureNamingGroupByAlias_ReportsChartError()
    {
        // A group-by column is a category, not a measure: the measure must be an aggregate's alias.
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var chart = FirstChart(
            copy,
            d => d.Descendants("attribute").Any(a => (string?)a.Attribute("groupby") == "true" && a.Attribute("alias") is not null) && d.Descendants("measure").Any());
        string groupBy = string.Empty;
        copy.Edit(chart, d =>
        {
            groupBy = (string)d.Descendants("attribute").First(a => (string?)a.Attribute("groupby") == "true" && a.Attribute("alias") is not null).Attribute("alias")!;
            d.Descendants("measure").First().SetAttributeValue("alias", groupBy);
        });

        AssertError(fixture.Validate(copy.Root), "charts", chart, $"measure alias '{groupBy}'");
    }

    [Fact]
    public void Validate_OrganizationRelationshipOfOwnTable_ReportsNoNamingError()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var table = OrganizationOwnedTable(copy);
        WriteOrganizationRelationship(copy, $"organization_{table}", table);

        var report = fixture.Validate(copy.Root);

        Assert.True(report.IsClean, string.Join(Environment.NewLine, report.Issues.All));
        Assert.DoesNotContain(report.Issues.All, i => i.Check == "naming");
    }

    [Fact]
    public void Validate_OrganizationRelationshipOfUnprefixedName_ReportsNamingError()
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var table = OrganizationOwnedTable(copy);
        var file = WriteOrganizationRelationship(copy, "organization_new_slapolicy", table);

        AssertError(fixture.Validate(copy.Root), "naming", file, "organization_new_slapolicy");
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
            var table = d.Descendants("RootComponent").First(r => (string?)r.Attribute("type") == "1" && ((string?)r.Attribute("schemaName"))!.StartsWith(
                "pcrm_",
                StringComparison.Ordinal));
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

    [Theory]
    [InlineData("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8", "Target")] // Create: the image is of the created id
    [InlineData("20bebb1b-ea3e-db11-86a7-000a3a5473e8", "Id")] // Update: the image is of the Target
    public void Validate_StepImageWithWrongMessageProperty_ReportsImageErrorInStepFile(string messageId, string wrong)
    {
        using var copy = SolutionCopy.Of(RepoPaths.Solution);
        var step = copy.FirstFile(
            "SdkMessageProcessingSteps",
            "*.xml",
            d => d.Root!.Element("SdkMessageId")?.Value == messageId && d.Descendants("SdkMessageProcessingStepImage").Any());
        copy.Edit(step, d => d.Descendants("MessagePropertyName").First().Value = wrong);

        AssertError(fixture.Validate(copy.Root), "images", step, $"not '{wrong}'", element: "MessagePropertyName");
    }

    [Fact]
    public void Validate_CommittedSteps_CreateImagesUseIdAndOthersTarget()
    {
        var byMessage = Directory.GetFiles(Path.Combine(RepoPaths.Solution, "SdkMessageProcessingSteps"), "*.xml")
            .Select(f => XDocument.Load(f).Root!)
            .SelectMany(s => s.Descendants("MessagePropertyName").Select(p => (Message: s.Element("SdkMessageId")?.Value, Property: p.Value)))
            .ToList();

        Assert.Contains(byMessage, i => i.Message == "9ebdbb1b-ea3e-db11-86a7-000a3a5473e8");
        Assert.All(byMessage, i => Assert.Equal(i.Message == "9ebdbb1b-ea3e-db11-86a7-000a3a5473e8" ? "Id" : "Target", i.Property));
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
        Assert.Contains("未识别命令或参数", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Unrecognized command or argument '--bogus'", error.ToString(), StringComparison.Ordinal);
    }

    private static string FirstChart(SolutionCopy copy, Func<XDocument, bool>? where = null) =>
        copy.FirstFile("Entities", "*.xml", d => d.Root!.Name == "visualization" && (where is null || where(d)));

    /// <summary>Logical name of an organization-owned table of ours (its platform relationship is organization_&lt;table&gt;).</summary>
    private static string OrganizationOwnedTable(SolutionCopy copy)
    {
        var entity = copy.FirstFile("Entities", "Entity.xml", d => d.Descendants("OwnershipTypeMask").Any(o => o.Value == "OrgOwned"));
        return XDocument.Load(copy.Full(entity)).Root!.Element("Name")!.Value.ToLowerInvariant();
    }

    /// <summary>Adds Other/Relationships/Organization.xml with the platform 1:N organization → table relationship.</summary>
    private static string WriteOrganizationRelationship(SolutionCopy copy, string name, string table)
    {
        var file = "Other/Relationships/Organization.xml";
        new XDocument(
            new XElement(
                "EntityRelationships",
                new XElement(
                    "EntityRelationship",
                    new XAttribute("Name", name),
                    new XElement("EntityRelationshipType", "OneToMany"),
                    new XElement("IsCustomizable", "1"),
                    new XElement("IntroducedVersion", "1.0"),
                    new XElement("IsHierarchical", "0"),
                    new XElement("ReferencingEntityName", table),
                    new XElement("ReferencedEntityName", "Organization"),
                    new XElement("CascadeAssign", "NoCascade"),
                    new XElement("CascadeDelete", "NoCascade"),
                    new XElement("CascadeReparent", "NoCascade"),
                    new XElement("CascadeShare", "NoCascade"),
                    new XElement("CascadeUnshare", "NoCascade"),
                    new XElement("ReferencingAttributeName", "OrganizationId"))))
            .Save(copy.Full(file));
        return file;
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

    /// <summary>The link-entities of a view that go through the owner ↔ tag intersect table.</summary>
    private static IEnumerable<XElement> IntersectLinks(XDocument view) =>
        view.Descendants("link-entity").Where(l => (string?)l.Attribute("name") == "pcrm_contact_pcrm_tag");

    /// <param name="element">When given, the error's element path (inside the file) must end with it.</param>
    private static void AssertError(ValidationReport report, string check, string file, string messagePart, bool fileMatchIgnoreCase = false, string? element = null)
    {
        var comparison = fileMatchIgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        Assert.False(report.IsClean);
        Assert.True(
            report.Issues.All.Any(i => i.Severity == IssueSeverity.Error && i.Check == check && string.Equals(i.File, file, comparison) && i.Message.Contains(messagePart, StringComparison.Ordinal)
                && (element is null || i.Element.EndsWith(element, StringComparison.Ordinal))),
            $"expected a [{check}] error in {file}{(element is null ? string.Empty : $" at <…{element}>")} mentioning '{messagePart}', got:{Environment.NewLine}{string.Join(Environment.NewLine, report.Issues.All)}");
    }
}
