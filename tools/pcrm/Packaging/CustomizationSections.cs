using System;
using System.Collections.Generic;

namespace PropertyCrm.Cli.Packaging;

/// <summary>Names of the section elements under customizations.xml's root, and the order exports write them in.</summary>
internal static class CustomizationSections
{
    public const string Entities = "Entities";
    public const string Roles = "Roles";
    public const string Workflows = "Workflows";
    public const string FieldSecurityProfiles = "FieldSecurityProfiles";
    public const string EntityMaps = "EntityMaps";
    public const string EntityRelationships = "EntityRelationships";
    public const string SiteMap = "SiteMap";
    public const string OptionSets = "optionsets";
    public const string Dashboards = "Dashboards";
    public const string WebResources = "WebResources";
    public const string PluginAssemblies = "SolutionPluginAssemblies";
    public const string Steps = "SdkMessageProcessingSteps";
    public const string AppModuleSiteMaps = "AppModuleSiteMaps";
    public const string AppModules = "AppModules";
    public const string Languages = "Languages";

    /// <summary>
    /// Order seen across real exports (SOLUTION-LAYOUT §3.2), merged with the XSD's root sequence for the
    /// sections exports did not show (SiteMap sits between Templates and EntityMaps in the schema).
    /// Used only when the skeleton lacks a section that has content.
    /// </summary>
    public static readonly IReadOnlyList<string> ExportOrder = new[]
    {
        Entities, Roles, Workflows, FieldSecurityProfiles, "Templates", "EntityImageConfigs", "AttributeImageConfigs",
        "RibbonDiffXml", SiteMap, EntityMaps, EntityRelationships, "OrganizationSettings", OptionSets,
        "MobileOfflineProfiles", Dashboards, "InteractionCentricDashboards", WebResources, "CustomControls",
        PluginAssemblies, Steps, "ServiceEndpoints", AppModuleSiteMaps, "teamtemplates", AppModules,
        "EntityDataProviders", "EntityDataSources", "CanvasApps", "Connectors", "connectionreferences",
        "managedidentities", Languages,
    };

    /// <summary>
    /// Sections the 9.0.0.2090 schema requires at least one child in. pac skeletons carry them empty
    /// (`&lt;AppModules /&gt;`); an empty one says nothing to the importer, so the merger drops it instead
    /// of emitting XML the schema rejects.
    /// </summary>
    public static readonly ISet<string> RequireContent = new HashSet<string>(StringComparer.Ordinal) { AppModules };
}
