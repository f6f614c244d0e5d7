using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace PropertyCrm.Cli.Packaging;

/// <summary>
/// Validates the merged customizations.xml against Microsoft's 9.0.0.2090 schemas, loaded as
/// dataverse-schemas/9.0.0.2090/README.md says: CustomizationsSolution.xsd (which includes FormXml.xsd,
/// Fetch.xsd, SiteMapType.xsd, the ribbon schemas) plus VisualizationDataDescription.xsd in one set, and
/// SiteMap.xsd in a set of its own (it re-declares AreaIdMustBeUnique and cannot share the first set).
/// </summary>
internal sealed class XsdValidator
{
    public const string CustomizationsSchema = "CustomizationsSolution.xsd";
    public const string ChartSchema = "VisualizationDataDescription.xsd";
    public const string SiteMapSchema = "SiteMap.xsd";
    public const string CheckName = "xsd";
    private const string SiteMapElement = "SiteMap";
    private const string ChartDataElement = "datadefinition";

    private readonly XmlSchemaSet customizations;
    private readonly XmlSchemaSet siteMap;

    /// <summary>
    /// Compiles the schemas in <paramref name="schemaDirectory"/> (a newer set given with --schemas or
    /// PCRM_SCHEMAS), or, when it is null, the 9.0.0.2090 set embedded in pcrm (tools/pcrm/Schemas).
    /// </summary>
    public XsdValidator(string? schemaDirectory = null)
    {
        var source = schemaDirectory is null ? EmbeddedSchemas.Source : SchemaSource.FromFolder(schemaDirectory);
        Source = source.Description;
        customizations = Compile(source, CustomizationsSchema, ChartSchema);
        siteMap = Compile(source, SiteMapSchema);
    }

    /// <summary>Where the schemas came from, for the report's first line.</summary>
    public string Source { get; }

    /// <summary>
    /// Validates <paramref name="document"/> in place (pass a merge made for validation only: the
    /// documented <see cref="SchemaExceptions"/> are applied to it first). Returns how often each exception applied.
    /// </summary>
    public IReadOnlyDictionary<SchemaException, int> Validate(XDocument document, IssueList issues)
    {
        var applied = ApplyExceptions(document);
        void Report(object? sender, ValidationEventArgs e)
        {
            var severity = e.Severity == XmlSeverityType.Error ? IssueSeverity.Error : IssueSeverity.Warning;
            issues.Add(ValidationIssue.At(severity, CheckName, sender as XObject, e.Message));
        }

        document.Validate(customizations, Report);

        // Every chart's data definition once more against VisualizationDataDescription.xsd: CustomizationsSolution.xsd
        // declares <datadescription> without a type, so the pass above does not look inside it.
        var chartDeclaration = (XmlSchemaElement?)customizations.GlobalElements[new XmlQualifiedName(ChartDataElement)];
        if (chartDeclaration is not null)
        {
            foreach (var definition in document.Descendants("visualization").Elements("datadescription").Elements(ChartDataElement))
            {
                definition.Validate(chartDeclaration, customizations, Report);
            }
        }

        // Every site map once more against the stand-alone SiteMap.xsd (README: its own set).
        var siteMapDeclaration = (XmlSchemaElement)siteMap.GlobalElements[new XmlQualifiedName(SiteMapElement)]!;
        foreach (var map in document.Descendants(SiteMapElement).Where(e => e.Parent?.Name.LocalName is "AppModuleSiteMap" or SiteMapElement))
        {
            map.Validate(siteMapDeclaration, siteMap, Report);
        }

        return applied;
    }

    private static XmlSchemaSet Compile(SchemaSource source, params string[] files)
    {
        // The resolver serves xs:include (FormXml.xsd, Fetch.xsd…) from the same source as the root files.
        var set = new XmlSchemaSet { XmlResolver = source.Resolver };
        var errors = new List<string>();
        set.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        foreach (var file in files)
        {
            set.Add(null, source.Uri(file).AbsoluteUri);
        }

        set.Compile();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"XSD 无法编译 / schemas do not compile: {string.Join("; ", errors)}");
        }

        return set;
    }

    private static Dictionary<SchemaException, int> ApplyExceptions(XDocument document)
    {
        var applied = new Dictionary<SchemaException, int>();
        foreach (var element in document.Descendants().ToList())
        {
            foreach (var exception in SchemaExceptions.All)
            {
                if (Apply(exception, element))
                {
                    applied[exception] = applied.GetValueOrDefault(exception) + 1;
                }
            }
        }

        return applied;
    }

    private static bool Apply(SchemaException exception, XElement element)
    {
        switch (exception.Kind)
        {
            case SchemaDeviation.NewerAttribute:
                var attribute = element.Name.LocalName == exception.Parent ? element.Attribute(exception.Child) : null;
                attribute?.Remove();
                return attribute is not null;
            case SchemaDeviation.NewerElement when IsChildOf(element, exception):
                element.Remove();
                return true;
            case SchemaDeviation.ExportOrder when IsChildOf(element, exception):
                var anchor = element.Parent!.Element(exception.MoveAfter!);
                if (anchor is null || element.ElementsBeforeSelf().Contains(anchor))
                {
                    return false;
                }

                element.Remove();
                anchor.AddAfterSelf(element);
                return true;
            default:
                return false;
        }
    }

    private static bool IsChildOf(XElement element, SchemaException exception) =>
        element.Name.LocalName == exception.Child && element.Parent?.Name.LocalName == exception.Parent;
}
