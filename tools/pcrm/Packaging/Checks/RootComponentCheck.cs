using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging.Checks;

/// <summary>
/// Every top-level component the folder holds is listed in Other/Solution.xml's RootComponents with the
/// type code and identifier exports use (SOLUTION-LAYOUT §5). A component missing there is imported as a
/// dependency at best and dropped from the solution at worst.
/// </summary>
internal sealed class RootComponentCheck : ISolutionCheck
{
    public const int Table = 1;
    public const int OptionSet = 9;
    public const int Role = 20;
    public const int Workflow = 29;
    public const int Dashboard = 60;
    public const int WebResource = 61;
    public const int SiteMap = 62;
    public const int FieldSecurityProfile = 70;
    public const int AppModule = 80;
    public const int PluginAssembly = 91;
    public const int Step = 92;

    public string Name => "rootcomponents";

    public void Run(SolutionIndex solution, IssueList issues)
    {
        var listed = new HashSet<(int, string)>();
        foreach (var root in solution.RootComponents)
        {
            if (int.TryParse((string?)root.Attribute("type"), out var type))
            {
                foreach (var key in new[] { (string?)root.Attribute("schemaName"), (string?)root.Attribute("id") }.OfType<string>())
                {
                    listed.Add((type, Normalize(key)));
                }
            }
        }

        void Require(int type, XElement component, string? key, string what)
        {
            if (string.IsNullOrEmpty(key))
            {
                issues.Error(Name, component, $"{what} 没有标识 / {what} has no identifier");
            }
            else if (!listed.Contains((type, Normalize(key))))
            {
                issues.Error(Name, component,
                    $"{what} '{key}' 未列在 RootComponents (type {type}) / {what} '{key}' is missing from RootComponents in Other/Solution.xml (type {type})");
            }
        }

        foreach (var entity in solution.Entities)
        {
            Require(Table, entity, SolutionIndex.LogicalNameOf(entity), "table");
        }

        foreach (var optionSet in solution.GlobalOptionSets)
        {
            Require(OptionSet, optionSet, (string?)optionSet.Attribute("Name"), "option set");
        }

        foreach (var role in solution.Roles)
        {
            Require(Role, role, (string?)role.Attribute("id"), "role");
        }

        foreach (var workflow in solution.Workflows)
        {
            Require(Workflow, workflow, (string?)workflow.Attribute("WorkflowId"), "workflow");
        }

        foreach (var dashboard in solution.Dashboards)
        {
            Require(Dashboard, dashboard, dashboard.Element("FormId")?.Value, "dashboard");
        }

        foreach (var resource in solution.WebResources)
        {
            Require(WebResource, resource, resource.Element("Name")?.Value, "web resource");
        }

        foreach (var siteMap in solution.AppModuleSiteMaps)
        {
            Require(SiteMap, siteMap, siteMap.Element("SiteMapUniqueName")?.Value, "site map");
        }

        foreach (var profile in solution.FieldSecurityProfiles)
        {
            Require(FieldSecurityProfile, profile, (string?)profile.Attribute("fieldsecurityprofileid"), "field security profile");
        }

        foreach (var app in solution.AppModules)
        {
            Require(AppModule, app, app.Element("UniqueName")?.Value, "app module");
        }

        foreach (var assembly in solution.PluginAssemblies)
        {
            Require(PluginAssembly, assembly, (string?)assembly.Attribute("PluginAssemblyId"), "plug-in assembly");
        }

        foreach (var step in solution.Steps)
        {
            Require(Step, step, (string?)step.Attribute("SdkMessageProcessingStepId"), "plug-in step");
        }
    }

    /// <summary>Compares ids without braces or case, names without case (exports mix both styles, §6).</summary>
    public static string Normalize(string key) => key.Trim().Trim('{', '}').ToLowerInvariant();
}
