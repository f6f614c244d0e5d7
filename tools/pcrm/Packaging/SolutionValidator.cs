using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using PropertyCrm.Cli.Packaging.Checks;

namespace PropertyCrm.Cli.Packaging;

/// <summary>
/// `pcrm validate`: merges the folder exactly as pack does (both package kinds, each base language), validates
/// every result against the XSDs, then runs the project's own checks on the source's unmanaged merge.
/// </summary>
internal sealed class SolutionValidator
{
    public static readonly IReadOnlyList<ISolutionCheck> Checks = new ISolutionCheck[]
    {
        new AttributeReferenceCheck(),
        new ChartCheck(),
        new DashboardCheck(),
        new NamingCheck(),
        new OptionValueCheck(),
        new RootComponentCheck(),
        new DuplicateIdCheck(),
        new LabelLanguageCheck(),
        new PluginReferenceCheck(),
        new ImageMessagePropertyCheck(),
        new FolderComponentCheck(),
        new QuickCreateFormCheck(),
        new ControlClassCheck(),
        new RolePrivilegeCheck(),
        new CascadeDeleteCheck(),
    };

    private readonly XsdValidator xsd;

    public SolutionValidator(XsdValidator xsd)
    {
        this.xsd = xsd;
    }

    public ValidationReport Validate(SolutionFolder folder)
    {
        var issues = new IssueList();
        var applied = new Dictionary<SchemaException, int>();
        var counts = new List<KeyValuePair<string, int>>();
        try
        {
            foreach (var (language, kind) in BaseLanguage.All.SelectMany(l => new[] { (l, PackageKind.Unmanaged), (l, PackageKind.Managed) }))
            {
                // A fresh merge per validation: the schema exceptions edit the document they validate.
                var result = xsd.Validate(new CustomizationsMerger(folder).Merge(kind, language).Customizations, issues);
                if (kind == PackageKind.Unmanaged && language == BaseLanguage.Chinese)
                {
                    foreach (var (exception, count) in result)
                    {
                        applied[exception] = count;
                    }
                }
            }

            var index = SolutionIndex.Load(folder);
            foreach (var check in Checks)
            {
                check.Run(index, issues);
            }

            counts.AddRange(Count(index));
        }
        catch (SolutionFormatException e)
        {
            issues.Error("format", e.File, e.Message);
        }

        return new ValidationReport(issues, counts, applied);
    }

    /// <summary>Roots of the files copied verbatim into the zip (custom APIs, environment variables).</summary>
    public static IReadOnlyList<XElement> FolderComponents(SolutionFolder folder) =>
        new[] { SolutionPaths.CustomApisFolder, SolutionPaths.EnvironmentVariablesFolder }
            .SelectMany(f => folder.Files(f, "*.xml", recursive: true))
            .Select(folder.ReadRoot)
            .ToList();

    private static IEnumerable<KeyValuePair<string, int>> Count(SolutionIndex index)
    {
        KeyValuePair<string, int> Of(string what, IEnumerable<XElement> items) => new(what, items.Count());
        var entities = index.Entities.ToList();
        yield return Of("tables", entities);
        yield return Of("columns", entities.SelectMany(SolutionIndex.Columns));
        yield return Of("forms", entities.SelectMany(SolutionIndex.Forms));
        yield return Of("views", entities.SelectMany(SolutionIndex.Views));
        yield return Of("charts", entities.SelectMany(SolutionIndex.Charts));
        yield return Of("keys", entities.Descendants("EntityKey"));
        yield return Of("choices", index.GlobalOptionSets);
        yield return Of("relationships", index.Relationships);
        yield return Of("roles", index.Roles);
        yield return Of("apps", index.AppModules);
        yield return Of("site maps", index.AppModuleSiteMaps);
        yield return Of("dashboards", index.Dashboards);
        yield return Of("web resources", index.WebResources);
        yield return Of("assemblies", index.PluginAssemblies);
        yield return Of("plug-in types", index.PluginTypes);
        yield return Of("steps", index.Steps);
        yield return Of("custom APIs", index.CustomApis);
        yield return Of("environment variables", index.EnvironmentVariables);
    }
}
