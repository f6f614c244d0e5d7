using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging.Checks;

/// <summary>
/// A chart (Entities/&lt;table&gt;/Visualizations/*.xml) queries the table it is filed under, with aggregates
/// FetchXML knows, and plots only measures its query computes. Dataverse accepts such a chart on import and
/// it fails only when a user opens it. The columns the chart's fetch names are AttributeReferenceCheck's
/// (the same walk as a view's fetch).
/// </summary>
internal sealed class ChartCheck : ISolutionCheck
{
    /// <summary>
    /// The aggregate values FetchXML accepts: the AggregateType enumeration of Fetch.xsd in the 9.0.0.2090
    /// schemas pcrm validates against. CustomizationsSolution.xsd declares &lt;datadescription&gt; without a type,
    /// so the customizations schema does not hold a chart's fetch to it; this check does.
    /// </summary>
    public static readonly IReadOnlySet<string> Aggregates = new HashSet<string>(StringComparer.Ordinal)
    {
        "count", "countcolumn", "sum", "avg", "min", "max",
    };

    public string Name => "charts";

    public void Run(SolutionIndex solution, IssueList issues)
    {
        foreach (var entity in solution.Entities)
        {
            var table = SolutionIndex.LogicalNameOf(entity);
            foreach (var chart in SolutionIndex.Charts(entity))
            {
                CheckChart(chart, table, issues);
            }
        }
    }

    private void CheckChart(XElement chart, string table, IssueList issues)
    {
        var fetches = SolutionIndex.ChartFetches(chart).ToList();
        if (fetches.Count == 0)
        {
            issues.Error(Name, chart, "图表没有 datadescription 查询 / chart has no datadescription/datadefinition/fetchcollection/fetch");
            return;
        }

        var aggregateAliases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fetch in fetches)
        {
            var fetchEntity = fetch.Element("entity");
            if (fetchEntity is null)
            {
                issues.Error(Name, fetch, "图表查询缺少 entity / chart fetch has no <entity>");
                continue;
            }

            var name = (string?)fetchEntity.Attribute("name") ?? string.Empty;
            if (!string.Equals(name, table, StringComparison.Ordinal))
            {
                issues.Error(Name, (XObject?)fetchEntity.Attribute("name") ?? fetchEntity,
                    $"图表查询的表 '{name}' 不是图表所属的表 '{table}' / chart fetch entity '{name}' is not the table the chart is filed under, '{table}'");
            }

            // Aggregates may sit on the entity or on a link-entity.
            foreach (var attribute in fetchEntity.Descendants("attribute"))
            {
                var aggregate = attribute.Attribute("aggregate");
                if (aggregate is null)
                {
                    continue;
                }

                if (!Aggregates.Contains(aggregate.Value))
                {
                    issues.Error(Name, aggregate,
                        $"图表聚合 '{aggregate.Value}' 无效 / chart aggregate '{aggregate.Value}' is not one of {string.Join(", ", Aggregates)}");
                }

                if ((string?)attribute.Attribute("alias") is { Length: > 0 } alias)
                {
                    aggregateAliases.Add(alias);
                }
            }
        }

        var measures = chart.Elements("datadescription").Elements("datadefinition")
            .Elements("categorycollection").Elements("category").Elements("measurecollection").Elements("measure");
        foreach (var measure in measures)
        {
            var alias = measure.Attribute("alias");
            if (alias is null || !aggregateAliases.Contains(alias.Value))
            {
                var value = alias?.Value ?? string.Empty;
                issues.Error(Name, (XObject?)alias ?? measure,
                    $"图表度量 '{value}' 不对应查询中的聚合别名 / chart measure alias '{value}' matches no aggregate attribute alias in the chart's fetch"
                    + (aggregateAliases.Count > 0 ? $" ({string.Join(", ", aggregateAliases.OrderBy(a => a, StringComparer.Ordinal))})" : string.Empty));
            }
        }
    }
}
