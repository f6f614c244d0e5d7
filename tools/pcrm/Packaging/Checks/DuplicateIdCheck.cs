using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging.Checks;

/// <summary>
/// No two components share an id, and no two tables, columns of one table, choices or relationships share a
/// name. A copied form or view file with its id unchanged imports as one component silently overwriting
/// the other.
/// </summary>
internal sealed class DuplicateIdCheck : ISolutionCheck
{
    /// <summary>Elements whose text is a component id.</summary>
    private static readonly string[] IdElements =
    {
        "formid", "savedqueryid", "savedqueryvisualizationid", "SdkMessageProcessingStepImageId", "WebResourceId", "FormId",
    };

    /// <summary>(element, attribute) pairs holding a component id.</summary>
    private static readonly (string Element, string Attribute)[] IdAttributes =
    {
        ("SdkMessageProcessingStep", "SdkMessageProcessingStepId"),
        ("PluginAssembly", "PluginAssemblyId"),
        ("PluginType", "PluginTypeId"),
        ("Role", "id"),
        ("Workflow", "WorkflowId"),
        ("FieldSecurityProfile", "fieldsecurityprofileid"),
    };

    public string Name => "duplicates";

    public void Run(SolutionIndex solution, IssueList issues)
    {
        var ids = new Dictionary<string, XObject>(StringComparer.Ordinal);
        foreach (var element in solution.Customizations.Descendants())
        {
            if (IdElements.Contains(element.Name.LocalName) && element.Parent?.Name.LocalName != "AppModuleComponent")
            {
                Register(ids, element.Value, element, issues);
            }

            foreach (var (name, attribute) in IdAttributes)
            {
                // An app module's <AppModuleRoleMaps><Role id> refers to a role; only definitions count.
                if (element.Name.LocalName == name && element.Attribute(attribute) is { } id && !IsReference(element))
                {
                    Register(ids, id.Value, id, issues);
                }
            }
        }

        Unique(solution.Entities.Select(e => (SolutionIndex.LogicalNameOf(e), (XObject)e)), "table", issues);
        foreach (var entity in solution.Entities)
        {
            Unique(SolutionIndex.Columns(entity).Select(c => (SolutionIndex.ColumnName(c), (XObject)c)), $"column of {SolutionIndex.LogicalNameOf(entity)}", issues);
        }

        Unique(solution.GlobalOptionSets.Select(o => (((string?)o.Attribute("Name") ?? string.Empty).ToLowerInvariant(), (XObject)o)), "option set", issues);
        Unique(solution.Relationships.Select(r => (((string?)r.Attribute("Name") ?? string.Empty).ToLowerInvariant(), (XObject)r)), "relationship", issues);
        Unique(solution.Steps.Select(s => ((string?)s.Attribute("Name") ?? string.Empty, (XObject)s)), "step name", issues);
    }

    private static bool IsReference(XElement element) =>
        element.Parent?.Name.LocalName is "AppModuleRoleMaps" or "AppModuleComponents";

    private void Register(Dictionary<string, XObject> ids, string value, XObject node, IssueList issues)
    {
        var key = RootComponentCheck.Normalize(value);
        if (key.Length == 0)
        {
            return;
        }

        if (ids.TryGetValue(key, out var first))
        {
            issues.Error(Name, node,
                $"重复的 ID {key}（首次出现于 {SourceOrigin.FileOf(first)}）/ duplicate id {key}, first used in {SourceOrigin.FileOf(first)}:{SourceOrigin.LineOf(first)}");
        }
        else
        {
            ids.Add(key, node);
        }
    }

    private void Unique(IEnumerable<(string Name, XObject Node)> items, string what, IssueList issues)
    {
        var seen = new Dictionary<string, XObject>(StringComparer.Ordinal);
        foreach (var (name, node) in items)
        {
            if (name.Length == 0)
            {
                continue;
            }

            if (!seen.TryAdd(name, node))
            {
                issues.Error(Name, node, $"重复的名称 / duplicate {what} '{name}', first in {SourceOrigin.FileOf(seen[name])}");
            }
        }
    }
}
