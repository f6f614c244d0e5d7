using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging.Checks;

/// <summary>A table as the solution defines it: its Entity.xml element and its columns (logical names).</summary>
internal sealed class TableInfo
{
    public TableInfo(string logicalName, XElement? entity, IReadOnlySet<string> columns, bool isSystem, bool isIntersect = false)
    {
        LogicalName = logicalName;
        Entity = entity;
        Columns = columns;
        IsSystem = isSystem;
        IsIntersect = isIntersect;
    }

    public string LogicalName { get; }

    /// <summary>The merged &lt;Entity&gt;, or null for an allow-listed system table the solution does not export or an intersect table.</summary>
    public XElement? Entity { get; }

    public IReadOnlySet<string> Columns { get; }

    public bool IsSystem { get; }

    /// <summary>The intersect table of an N:N relationship the solution defines (queryable in FetchXML, no Entity.xml of its own).</summary>
    public bool IsIntersect { get; }
}

/// <summary>What the checks look at: the merged customizations.xml, the manifest, the verbatim folder components, and a table/column index.</summary>
internal sealed class SolutionIndex
{
    private readonly Dictionary<string, TableInfo> tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TableInfo> intersects = new(StringComparer.Ordinal);

    public SolutionIndex(XDocument customizations, XElement manifest, IReadOnlyList<XElement> folderComponents)
    {
        Customizations = customizations.Root!;
        Manifest = manifest;
        FolderComponents = folderComponents;
        foreach (var entity in Entities)
        {
            var logicalName = LogicalNameOf(entity);
            var columns = new HashSet<string>(Columns(entity).Select(ColumnName), StringComparer.Ordinal);
            var isSystem = SystemTables.IsSystemTable(logicalName);
            if (isSystem)
            {
                columns.UnionWith(SystemTables.ColumnsOf(logicalName)!);
            }

            tables.TryAdd(logicalName, new TableInfo(logicalName, entity, columns, isSystem));
        }

        foreach (var relationship in Relationships)
        {
            if (IntersectOf(relationship) is { } intersect && !tables.ContainsKey(intersect.LogicalName))
            {
                intersects.TryAdd(intersect.LogicalName, intersect);
            }
        }
    }

    public XElement Customizations { get; }

    /// <summary>
    /// The index of an unpacked solution as it ships (the unmanaged merge): what `pcrm validate` checks and what the
    /// test harness builds its metadata, keys, relationships and roles from, so both read the same files.
    /// </summary>
    public static SolutionIndex Load(SolutionFolder folder)
    {
        var merged = new CustomizationsMerger(folder).Merge(PackageKind.Unmanaged).Customizations;
        var manifest = folder.ReadRoot(SolutionPaths.Manifest).Element(ManifestWriter.ManifestElement)
            ?? throw new SolutionFormatException(SolutionPaths.Manifest, "缺少 SolutionManifest / SolutionManifest is missing");
        return new SolutionIndex(merged, manifest, SolutionValidator.FolderComponents(folder));
    }

    /// <summary>The &lt;SolutionManifest&gt; element of Other/Solution.xml.</summary>
    public XElement Manifest { get; }

    /// <summary>Roots of customapis/** and environmentvariabledefinitions/** files.</summary>
    public IReadOnlyList<XElement> FolderComponents { get; }

    public IEnumerable<XElement> Entities => Section(CustomizationSections.Entities).Elements("Entity");

    public IEnumerable<TableInfo> Tables => tables.Values;

    public IEnumerable<XElement> Relationships => Section(CustomizationSections.EntityRelationships).Elements("EntityRelationship");

    public IEnumerable<XElement> GlobalOptionSets => Section(CustomizationSections.OptionSets).Elements("optionset");

    public IEnumerable<XElement> Roles => Section(CustomizationSections.Roles).Elements("Role");

    public IEnumerable<XElement> PluginAssemblies => Section(CustomizationSections.PluginAssemblies).Elements("PluginAssembly");

    public IEnumerable<XElement> PluginTypes => PluginAssemblies.Elements("PluginTypes").Elements("PluginType");

    public IEnumerable<XElement> Steps => Section(CustomizationSections.Steps).Elements("SdkMessageProcessingStep");

    public IEnumerable<XElement> AppModules => Section(CustomizationSections.AppModules).Elements("AppModule");

    public IEnumerable<XElement> AppModuleSiteMaps => Section(CustomizationSections.AppModuleSiteMaps).Elements("AppModuleSiteMap");

    public IEnumerable<XElement> Dashboards => Section(CustomizationSections.Dashboards).Elements("Dashboard");

    public IEnumerable<XElement> WebResources => Section(CustomizationSections.WebResources).Elements("WebResource");

    public IEnumerable<XElement> Workflows => Section(CustomizationSections.Workflows).Elements("Workflow");

    public IEnumerable<XElement> FieldSecurityProfiles => Section(CustomizationSections.FieldSecurityProfiles).Elements("FieldSecurityProfile");

    public IEnumerable<XElement> CustomApis => FolderComponents.Where(e => e.Name.LocalName == "customapi");

    public IEnumerable<XElement> EnvironmentVariables => FolderComponents.Where(e => e.Name.LocalName == "environmentvariabledefinition");

    public IEnumerable<XElement> RootComponents => Manifest.Element("RootComponents")?.Elements("RootComponent") ?? Enumerable.Empty<XElement>();

    public static string LogicalNameOf(XElement entity) => entity.Element("Name")?.Value.Trim().ToLowerInvariant() ?? string.Empty;

    public static IEnumerable<XElement> Columns(XElement entity) =>
        entity.Elements("EntityInfo").Elements("entity").Elements("attributes").Elements("attribute");

    public static string ColumnName(XElement attribute) =>
        (attribute.Element("LogicalName")?.Value ?? attribute.Element("Name")?.Value ?? (string?)attribute.Attribute("PhysicalName") ?? string.Empty)
            .Trim().ToLowerInvariant();

    /// <summary>The alternate keys (&lt;EntityKey&gt;) a table's Entity.xml defines.</summary>
    public static IEnumerable<XElement> EntityKeys(XElement entity) =>
        entity.Elements("EntityInfo").Elements("entity").Elements("EntityKeys").Elements("EntityKey");

    /// <summary>The lower-cased column names of an alternate key, in definition order.</summary>
    public static IReadOnlyList<string> KeyColumns(XElement entityKey) =>
        entityKey.Elements("EntityKeyAttributes").Elements("AttributeName").Select(a => a.Value.Trim().ToLowerInvariant()).ToArray();

    /// <summary>The option values of a global choice (Solution/OptionSets) by its name, or null when the solution does not define it.</summary>
    public IReadOnlySet<int>? GlobalOptionValues(string optionSetName)
    {
        var set = GlobalOptionSets.FirstOrDefault(o => string.Equals((string?)o.Attribute("Name"), optionSetName, StringComparison.OrdinalIgnoreCase));
        return set is null ? null : OptionValues(set);
    }

    /// <summary>The values of an &lt;optionset&gt; element's &lt;options&gt; (picklist, bit) or &lt;states&gt;/&lt;statuses&gt;.</summary>
    public static IReadOnlySet<int> OptionValues(XElement optionSet) =>
        new HashSet<int>(
            optionSet.Elements("options").Elements("option")
                .Concat(optionSet.Elements("states").Elements("state"))
                .Concat(optionSet.Elements("statuses").Elements("status"))
                .Select(o => (int?)o.Attribute("value"))
                .Where(v => v.HasValue)
                .Select(v => v!.Value));

    public static IEnumerable<XElement> Forms(XElement entity) =>
        entity.Elements("FormXml").Elements("forms").Elements("systemform");

    public static IEnumerable<XElement> Views(XElement entity) =>
        entity.Elements("SavedQueries").Elements("savedqueries").Elements("savedquery");

    /// <summary>Charts (Entities/&lt;table&gt;/Visualizations/*.xml), merged under &lt;Entity&gt;&lt;Visualizations&gt;.</summary>
    public static IEnumerable<XElement> Charts(XElement entity) =>
        entity.Elements("Visualizations").Elements("visualization");

    /// <summary>The &lt;fetch&gt; elements of a chart's data description (one per series collection).</summary>
    public static IEnumerable<XElement> ChartFetches(XElement chart) =>
        chart.Elements("datadescription").Elements("datadefinition").Elements("fetchcollection").Elements("fetch");

    /// <summary>The table by logical name: defined in Solution/, or an allow-listed system table; null when neither.</summary>
    public TableInfo? Table(string logicalName)
    {
        var key = logicalName.Trim().ToLowerInvariant();
        if (tables.TryGetValue(key, out var table))
        {
            return table;
        }

        var systemColumns = SystemTables.ColumnsOf(key);
        return systemColumns is null ? null : new TableInfo(key, null, systemColumns, isSystem: true);
    }

    /// <summary>
    /// A table a FetchXML query (view, chart) may name: <see cref="Table"/>, or the intersect table of an N:N relationship
    /// Solution/ defines, which a query links through to reach the other table; null when none.
    /// </summary>
    public TableInfo? QueryTable(string logicalName) =>
        Table(logicalName) ?? intersects.GetValueOrDefault(logicalName.Trim().ToLowerInvariant());

    /// <summary>
    /// The intersect table an N:N relationship makes (IntersectEntityName), with the columns Dataverse gives it: its own
    /// primary key (<c>{intersect}id</c>) and one column per primary key of the two tables, named after that key
    /// (<c>{key}one</c> and <c>{key}two</c> when the relationship joins a table to itself), plus <c>versionnumber</c>.
    /// Null for a 1:N relationship or an N:N one without an intersect name.
    /// </summary>
    private TableInfo? IntersectOf(XElement relationship)
    {
        if (!string.Equals(relationship.Element("EntityRelationshipType")?.Value.Trim(), "ManyToMany", StringComparison.Ordinal))
        {
            return null;
        }

        var intersect = relationship.Element("IntersectEntityName")?.Value.Trim().ToLowerInvariant();
        var first = relationship.Element("FirstEntityName")?.Value.Trim().ToLowerInvariant();
        var second = relationship.Element("SecondEntityName")?.Value.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(intersect) || string.IsNullOrEmpty(first) || string.IsNullOrEmpty(second))
        {
            return null;
        }

        var columns = new HashSet<string>(StringComparer.Ordinal) { intersect + "id", "versionnumber" };
        if (first == second)
        {
            columns.Add(PrimaryKeyOf(first) + "one");
            columns.Add(PrimaryKeyOf(second) + "two");
        }
        else
        {
            columns.Add(PrimaryKeyOf(first));
            columns.Add(PrimaryKeyOf(second));
        }

        return new TableInfo(intersect, null, columns, isSystem: false, isIntersect: true);
    }

    /// <summary>A table's primary key: the primarykey column its Entity.xml defines, else Dataverse's <c>{table}id</c>.</summary>
    private string PrimaryKeyOf(string logicalName)
    {
        var key = tables.TryGetValue(logicalName, out var table) && table.Entity is { } entity
            ? Columns(entity).FirstOrDefault(c => string.Equals(c.Element("Type")?.Value.Trim(), "primarykey", StringComparison.OrdinalIgnoreCase))
            : null;
        return key is null ? logicalName + "id" : ColumnName(key);
    }

    private XElement Section(string name) => Customizations.Element(name) ?? new XElement(name);
}
