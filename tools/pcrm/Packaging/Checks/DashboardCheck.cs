using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging.Checks;

/// <summary>
/// A dashboard (Dashboards/{formid}.xml, a system form of type 0) shows only what the solution ships: each chart or grid
/// control names a table of the solution, a system view of that table (ViewId) and, in chart mode, a chart of that table
/// (VisualizationId); and the dashboard is in a model-driven app, or no user can open it there. Dataverse imports a
/// dashboard with a dangling id and fails only when someone opens it ("the view does not exist").
/// </summary>
internal sealed class DashboardCheck : ISolutionCheck
{
    public string Name => "dashboards";

    public void Run(SolutionIndex solution, IssueList issues)
    {
        var views = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var charts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entity in solution.Entities)
        {
            var table = SolutionIndex.LogicalNameOf(entity);
            foreach (var view in SolutionIndex.Views(entity))
            {
                views[Id(view.Element("savedqueryid")?.Value)] = table;
            }

            foreach (var chart in SolutionIndex.Charts(entity))
            {
                charts[Id(chart.Element("savedqueryvisualizationid")?.Value)] = table;
            }
        }

        var inApps = new HashSet<string>(
            solution.AppModules.Elements("AppModuleComponents").Elements("AppModuleComponent")
                .Where(c => (string?)c.Attribute("type") == "60")
                .Select(c => Id((string?)c.Attribute("id"))),
            StringComparer.OrdinalIgnoreCase);

        foreach (var dashboard in solution.Dashboards)
        {
            var formId = Id(dashboard.Element("FormId")?.Value);
            if (!inApps.Contains(formId))
            {
                issues.Error(Name, dashboard, $"仪表板 {formId} 不在任何应用中 / dashboard {formId} is in no model-driven app (AppModuleComponent type 60)");
            }

            foreach (var parameters in dashboard.Descendants("control").Elements("parameters"))
            {
                CheckControl(parameters, solution, views, charts, issues);
            }
        }
    }

    private void CheckControl(XElement parameters, SolutionIndex solution, Dictionary<string, string> views, Dictionary<string, string> charts, IssueList issues)
    {
        var table = parameters.Element("TargetEntityType")?.Value.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(table))
        {
            return;
        }

        if (solution.Table(table) is null)
        {
            issues.Error(Name, parameters, $"仪表板控件的表 '{table}' 不存在 / dashboard control table '{table}' is not in the solution");
            return;
        }

        var view = Id(parameters.Element("ViewId")?.Value);
        if (view.Length == 0 || !views.TryGetValue(view, out var viewTable) || viewTable != table)
        {
            issues.Error(Name, parameters, $"仪表板控件的视图 {view} 不是表 '{table}' 的系统视图 / dashboard control view {view} is not a system view of '{table}' in the solution");
        }

        var chart = Id(parameters.Element("VisualizationId")?.Value);
        var mode = parameters.Element("ChartGridMode")?.Value.Trim();
        if (string.Equals(mode, "Chart", StringComparison.Ordinal) && chart.Length == 0)
        {
            issues.Error(Name, parameters, $"图表模式的仪表板控件没有 VisualizationId / dashboard control in chart mode has no VisualizationId ('{table}')");
        }

        if (chart.Length > 0 && (!charts.TryGetValue(chart, out var chartTable) || chartTable != table))
        {
            issues.Error(Name, parameters, $"仪表板控件的图表 {chart} 不是表 '{table}' 的图表 / dashboard control chart {chart} is not a chart of '{table}' in the solution");
        }
    }

    private static string Id(string? value) => (value ?? string.Empty).Trim().Trim('{', '}').ToLowerInvariant();
}
