using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging.Checks;

/// <summary>
/// Every column a form, view, chart, relationship, key or plug-in step uses exists on its table. Dataverse
/// rejects the import (or the form breaks at run time) when one does not, and nothing else catches it
/// before an environment does.
/// </summary>
internal sealed class AttributeReferenceCheck : ISolutionCheck
{
    private const string ViewUse = "视图 view";
    private const string ChartUse = "图表 chart";

    public string Name => "attributes";

    public void Run(SolutionIndex solution, IssueList issues)
    {
        foreach (var entity in solution.Entities)
        {
            var table = solution.Table(SolutionIndex.LogicalNameOf(entity))!;
            CheckForms(entity, table, issues);
            CheckViews(solution, entity, table, issues);
            CheckCharts(solution, entity, table, issues);
            CheckKeys(entity, table, issues);
        }

        CheckRelationships(solution, issues);
        CheckSteps(solution, issues);
    }

    private void CheckForms(XElement entity, TableInfo table, IssueList issues)
    {
        foreach (var control in SolutionIndex.Forms(entity).Descendants("control"))
        {
            var field = (string?)control.Attribute("datafieldname");
            if (!string.IsNullOrEmpty(field))
            {
                RequireColumn(table, field, control.Attribute("datafieldname")!, "表单 form", issues);
            }
        }
    }

    private void CheckViews(SolutionIndex solution, XElement entity, TableInfo table, IssueList issues)
    {
        foreach (var view in SolutionIndex.Views(entity))
        {
            var aliases = new Dictionary<string, TableInfo>(StringComparer.Ordinal);
            foreach (var fetchEntity in view.Elements("fetchxml").Elements("fetch").Elements("entity"))
            {
                var fetchTable = ResolveTable(solution, (string?)fetchEntity.Attribute("name") ?? table.LogicalName, fetchEntity, issues, query: true);
                if (fetchTable is not null)
                {
                    CheckFetchEntity(solution, fetchEntity, fetchTable, aliases, ViewUse, issues);
                }
            }

            foreach (var grid in view.Elements("layoutxml").Elements("grid"))
            {
                OptionalColumn(table, grid.Attribute("jump"), ViewUse, issues);
                foreach (var row in grid.Elements("row"))
                {
                    OptionalColumn(table, row.Attribute("id"), ViewUse, issues);
                    foreach (var cell in row.Elements("cell"))
                    {
                        CheckCell(table, aliases, cell, issues);
                    }
                }
            }
        }
    }

    /// <summary>
    /// A chart's data description is a FetchXML query like a view's (attribute, groupby attribute, order,
    /// condition, link-entity). Its columns are checked against the table the chart is filed under, whatever
    /// the fetch's entity name says: that the name matches the table is ChartCheck's finding.
    /// </summary>
    private void CheckCharts(SolutionIndex solution, XElement entity, TableInfo table, IssueList issues)
    {
        foreach (var chart in SolutionIndex.Charts(entity))
        {
            var aliases = new Dictionary<string, TableInfo>(StringComparer.Ordinal);
            foreach (var fetchEntity in SolutionIndex.ChartFetches(chart).Elements("entity"))
            {
                CheckFetchEntity(solution, fetchEntity, table, aliases, ChartUse, issues);
            }
        }
    }

    /// <summary>The top &lt;entity&gt; of a fetch: collects every link-entity alias, then walks the query.</summary>
    private void CheckFetchEntity(SolutionIndex solution, XElement fetchEntity, TableInfo fetchTable, Dictionary<string, TableInfo> aliases, string usedBy, IssueList issues)
    {
        // Conditions may name a link-entity declared after them; know every alias first.
        foreach (var link in fetchEntity.Descendants("link-entity"))
        {
            if ((string?)link.Attribute("alias") is { } alias && solution.QueryTable((string?)link.Attribute("name") ?? string.Empty) is { } linked)
            {
                aliases[alias] = linked;
            }
        }

        CheckFetchNode(solution, fetchEntity, fetchTable, aliases, usedBy, issues);
    }

    /// <summary>attribute/order/condition of a fetch entity or link-entity, recursing into link-entities.</summary>
    private void CheckFetchNode(SolutionIndex solution, XElement node, TableInfo table, Dictionary<string, TableInfo> aliases, string usedBy, IssueList issues)
    {
        foreach (var attribute in node.Elements("attribute"))
        {
            OptionalColumn(table, attribute.Attribute("name"), usedBy, issues);
        }

        // An order by alias sorts on an aggregate or group-by column of the query, not on a table column.
        foreach (var order in node.Elements("order").Where(o => o.Attribute("alias") is null))
        {
            OptionalColumn(table, order.Attribute("attribute"), usedBy, issues);
        }

        foreach (var condition in node.Elements("filter").DescendantsAndSelf("filter").Elements("condition"))
        {
            // A condition may name a link-entity by its alias (entityname).
            var target = (string?)condition.Attribute("entityname");
            var conditionTable = target is null ? table : aliases.GetValueOrDefault(target);
            if (conditionTable is not null)
            {
                OptionalColumn(conditionTable, condition.Attribute("attribute"), usedBy, issues);
            }
        }

        foreach (var link in node.Elements("link-entity"))
        {
            // A link may go through an N:N relationship's intersect table (from/to its key columns) to the other table.
            var linked = ResolveTable(solution, (string?)link.Attribute("name") ?? string.Empty, link, issues, query: true);
            OptionalColumn(table, link.Attribute("to"), usedBy, issues);
            if (linked is null)
            {
                continue;
            }

            OptionalColumn(linked, link.Attribute("from"), usedBy, issues);
            var alias = (string?)link.Attribute("alias");
            if (alias is not null)
            {
                aliases[alias] = linked;
            }

            CheckFetchNode(solution, link, linked, aliases, usedBy, issues);
        }
    }

    private void CheckCell(TableInfo table, Dictionary<string, TableInfo> aliases, XElement cell, IssueList issues)
    {
        var name = (string?)cell.Attribute("name");
        if (string.IsNullOrEmpty(name))
        {
            return;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            RequireColumn(table, name, cell.Attribute("name")!, ViewUse, issues);
        }
        else if (aliases.TryGetValue(name[..dot], out var linked))
        {
            RequireColumn(linked, name[(dot + 1)..], cell.Attribute("name")!, ViewUse, issues);
        }
        else
        {
            issues.Error(Name, cell, $"视图列引用了未知的别名 / view cell '{name}' uses an alias no link-entity declares");
        }
    }

    private void CheckKeys(XElement entity, TableInfo table, IssueList issues)
    {
        var keys = entity.Elements("EntityInfo").Elements("entity").Elements("EntityKeys").Elements("EntityKey");
        foreach (var attributeName in keys.Elements("EntityKeyAttributes").Elements("AttributeName"))
        {
            RequireColumn(table, attributeName.Value, attributeName, "备用键 key", issues);
        }
    }

    private void CheckRelationships(SolutionIndex solution, IssueList issues)
    {
        foreach (var relationship in solution.Relationships)
        {
            var type = relationship.Element("EntityRelationshipType")?.Value;
            if (type == "OneToMany")
            {
                var referencing = ResolveTable(solution, relationship.Element("ReferencingEntityName")?.Value ?? string.Empty, relationship, issues);
                ResolveTable(solution, relationship.Element("ReferencedEntityName")?.Value ?? string.Empty, relationship, issues);
                var lookup = relationship.Element("ReferencingAttributeName");
                if (referencing is not null && lookup is not null)
                {
                    RequireColumn(referencing, lookup.Value, lookup, "关系 relationship", issues);
                }
            }
            else if (type == "ManyToMany")
            {
                foreach (var end in new[] { "FirstEntityName", "SecondEntityName" })
                {
                    ResolveTable(solution, relationship.Element(end)?.Value ?? string.Empty, relationship, issues);
                }
            }
        }
    }

    private void CheckSteps(SolutionIndex solution, IssueList issues)
    {
        foreach (var step in solution.Steps)
        {
            var primary = step.Element("PrimaryEntity");
            if (primary is null || primary.Value.Length == 0 || primary.Value == "none")
            {
                continue;
            }

            var table = ResolveTable(solution, primary.Value, primary, issues);
            if (table is null)
            {
                continue;
            }

            CheckList(table, step.Element("FilteringAttributes"), "插件步骤筛选属性 step filtering attribute", issues);
            foreach (var image in step.Elements("SdkMessageProcessingStepImages").Elements("SdkMessageProcessingStepImage"))
            {
                CheckList(table, image.Element("Attributes"), "插件步骤映像 step image", issues);
            }
        }
    }

    private void CheckList(TableInfo table, XElement? list, string usedBy, IssueList issues)
    {
        if (list is null)
        {
            return;
        }

        foreach (var column in list.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            RequireColumn(table, column, list, usedBy, issues);
        }
    }

    private TableInfo? ResolveTable(SolutionIndex solution, string logicalName, XObject node, IssueList issues, bool query = false)
    {
        var table = query ? solution.QueryTable(logicalName) : solution.Table(logicalName);
        if (table is null)
        {
            issues.Error(Name, node,
                $"表 '{logicalName}' 既不在解决方案中也不在系统表允许列表中 / table '{logicalName}' is neither defined in Solution/ nor allow-listed in SystemTables");
        }

        return table;
    }

    private void OptionalColumn(TableInfo table, XAttribute? attribute, string usedBy, IssueList issues)
    {
        if (attribute is not null && attribute.Value.Length > 0)
        {
            RequireColumn(table, attribute.Value, attribute, usedBy, issues);
        }
    }

    private void RequireColumn(TableInfo table, string column, XObject node, string usedBy, IssueList issues)
    {
        if (!table.Columns.Contains(column.Trim().ToLowerInvariant()))
        {
            issues.Error(Name, node,
                $"{usedBy} 使用的列 '{column}' 在表 '{table.LogicalName}' 上不存在 / column '{column}' does not exist on table '{table.LogicalName}'");
        }
    }
}
