namespace PropertyCrm.Cli.Packaging;

/// <summary>
/// Folder and file names of an unpacked solution (SolutionPackager layout, see shared/reference/SOLUTION-LAYOUT.md §2).
/// Paths are relative to the solution root and always use '/'.
/// </summary>
internal static class SolutionPaths
{
    public const string Manifest = "Other/Solution.xml";
    public const string Customizations = "Other/Customizations.xml";
    public const string RelationshipIndex = "Other/Relationships.xml";
    public const string RelationshipsFolder = "Other/Relationships";
    public const string EntityMaps = "Other/EntityMaps.xml";
    public const string FieldSecurityProfiles = "Other/FieldSecurityProfiles.xml";
    public const string LegacySiteMap = "Other/SiteMap.xml";
    public const string EntitiesFolder = "Entities";
    public const string EntityFile = "Entity.xml";
    public const string FormsFolder = "FormXml";
    public const string ViewsFolder = "SavedQueries";
    public const string ChartsFolder = "Visualizations";
    public const string EntityRibbon = "RibbonDiff.xml";
    public const string OptionSetsFolder = "OptionSets";
    public const string RolesFolder = "Roles";
    public const string DashboardsFolder = "Dashboards";
    public const string WorkflowsFolder = "Workflows";
    public const string WebResourcesFolder = "WebResources";
    public const string PluginAssembliesFolder = "PluginAssemblies";
    public const string StepsFolder = "SdkMessageProcessingSteps";
    public const string AppModulesFolder = "AppModules";
    public const string AppModuleFile = "AppModule.xml";
    public const string AppSiteMapsFolder = "AppModuleSiteMaps";
    public const string AppSiteMapFile = "AppModuleSiteMap.xml";
    public const string CustomApisFolder = "customapis";
    public const string EnvironmentVariablesFolder = "environmentvariabledefinitions";
    public const string PluginPackagesFolder = "pluginpackages";

    /// <summary>Suffix of the managed twin of a file: `{id}_managed.xml` next to `{id}.xml` (doc D1).</summary>
    public const string ManagedSuffix = "_managed";

    public const string DataXmlSuffix = ".data.xml";

    /// <summary>Folders copied into the zip verbatim: newer component types are not merged into customizations.xml (doc D4).</summary>
    public static readonly string[] VerbatimFolders = { CustomApisFolder, EnvironmentVariablesFolder, PluginPackagesFolder };

    /// <summary>
    /// Top-level folders pack knows. Anything else (Templates, Reports, CanvasApps, …) would be silently
    /// dropped from the zip, so the merger refuses it instead.
    /// </summary>
    public static readonly string[] KnownTopLevelFolders =
    {
        "Other", EntitiesFolder, OptionSetsFolder, RolesFolder, DashboardsFolder, WorkflowsFolder, WebResourcesFolder,
        PluginAssembliesFolder, StepsFolder, AppModulesFolder, AppSiteMapsFolder, CustomApisFolder,
        EnvironmentVariablesFolder, PluginPackagesFolder,
    };
}
