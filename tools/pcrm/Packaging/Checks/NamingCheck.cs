using System;
using System.Linq;
using System.Xml.Linq;
using PropertyCrm.Schema;

namespace PropertyCrm.Cli.Packaging.Checks;

/// <summary>
/// Everything the publisher creates carries its prefix (pcrm_) and fits Dataverse's length limits. Roles
/// are matched by display name and have no schema name, so they are not checked.
/// </summary>
internal sealed class NamingCheck : ISolutionCheck
{
    public static readonly string Prefix = Publisher.Prefix + "_";

    /// <summary>
    /// The platform names the system relationships of a new user-owned table itself
    /// (business_unit_pcrm_x, lk_pcrm_x_createdby, owner_pcrm_x, team_pcrm_x, user_pcrm_x, as in every export);
    /// they are accepted when what follows the platform part is our prefix.
    /// An organization-owned table gets organization_&lt;table&gt; instead of the owner/business unit/user/team
    /// ones (organization_pcrm_slapolicy): the Dataverse table reference lists it for every organization-owned
    /// table, e.g. MicrosoftDocs/powerapps-docs powerapps-docs/developer/data-platform/reference/entities/appconfigmaster.md
    /// (OwnershipType OrganizationOwned; Many-To-One relationship organization_appconfigmaster, organization.organizationid).
    /// </summary>
    private static readonly string[] PlatformRelationshipPrefixes =
    {
        "business_unit_", "lk_", "owner_", "team_", "user_", "transactioncurrency_", "organization_",
    };

    public string Name => "naming";

    public void Run(SolutionIndex solution, IssueList issues)
    {
        CheckPublisher(solution, issues);
        foreach (var table in solution.Tables.Where(t => t.Entity is not null))
        {
            var nameElement = table.Entity!.Element("Name")!;
            if (!table.IsSystem)
            {
                RequirePrefix(nameElement, table.LogicalName, new Kind("表", "table"), issues);
                RequireLength(nameElement, table.LogicalName, NameLimits.TableName, new Kind("表", "table"), issues);
            }

            foreach (var column in SolutionIndex.Columns(table.Entity))
            {
                var name = SolutionIndex.ColumnName(column);
                if (SystemTables.StandardColumns.Contains(name) || (table.IsSystem && SystemTables.ColumnsOf(table.LogicalName)!.Contains(name)))
                {
                    continue;
                }

                RequirePrefix(column, name, new Kind("列", "column"), issues);
                RequireLength(column, name, NameLimits.ColumnName, new Kind("列", "column"), issues);
            }

            foreach (var key in table.Entity.Elements("EntityInfo").Elements("entity").Elements("EntityKeys").Elements("EntityKey"))
            {
                var keyName = key.Element("LogicalName")?.Value ?? key.Element("Name")?.Value ?? string.Empty;
                RequirePrefix(key, keyName, new Kind("备用键", "key"), issues);
            }
        }

        foreach (var optionSet in solution.GlobalOptionSets)
        {
            RequirePrefix(optionSet, (string?)optionSet.Attribute("Name") ?? string.Empty, new Kind("全局选项集", "global choice"), issues);
        }

        CheckRelationships(solution, issues);

        foreach (var app in solution.AppModules)
        {
            RequirePrefix(app, app.Element("UniqueName")?.Value ?? string.Empty, new Kind("应用", "app"), issues);
        }

        foreach (var siteMap in solution.AppModuleSiteMaps)
        {
            RequirePrefix(siteMap, siteMap.Element("SiteMapUniqueName")?.Value ?? string.Empty, new Kind("站点地图", "site map"), issues);
        }

        foreach (var resource in solution.WebResources)
        {
            RequirePrefix(resource, resource.Element("Name")?.Value ?? string.Empty, new Kind("Web 资源", "web resource"), issues);
        }

        foreach (var variable in solution.EnvironmentVariables)
        {
            var name = (string?)variable.Attribute("schemaname") ?? string.Empty;
            RequirePrefix(variable, name, new Kind("环境变量", "environment variable"), issues);
            RequireLength(variable, name, NameLimits.EnvironmentVariableName, new Kind("环境变量", "environment variable"), issues);
        }

        foreach (var api in solution.CustomApis)
        {
            var name = (string?)api.Attribute("uniquename") ?? string.Empty;
            RequirePrefix(api, name, new Kind("自定义 API", "custom API"), issues);
            RequireLength(api, name, NameLimits.CustomApiName, new Kind("自定义 API", "custom API"), issues);
        }
    }

    private void CheckPublisher(SolutionIndex solution, IssueList issues)
    {
        var publisher = solution.Manifest.Element("Publisher");
        var prefix = publisher?.Element("CustomizationPrefix");
        if (prefix?.Value != Publisher.Prefix)
        {
            issues.Error(Name, (XObject?)prefix ?? solution.Manifest,
                $"发布者前缀必须是 '{Publisher.Prefix}' / publisher CustomizationPrefix must be '{Publisher.Prefix}'");
        }

        var optionPrefix = publisher?.Element("CustomizationOptionValuePrefix");
        if (optionPrefix?.Value != Publisher.OptionValuePrefix.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            issues.Error(Name, (XObject?)optionPrefix ?? solution.Manifest,
                $"选项值前缀必须是 {Publisher.OptionValuePrefix} / publisher CustomizationOptionValuePrefix must be {Publisher.OptionValuePrefix}");
        }
    }

    private void CheckRelationships(SolutionIndex solution, IssueList issues)
    {
        foreach (var relationship in solution.Relationships)
        {
            var name = (string?)relationship.Attribute("Name") ?? string.Empty;
            var lower = name.ToLowerInvariant();
            var platformNamed = PlatformRelationshipPrefixes.Any(p => lower.StartsWith(p + Prefix, StringComparison.Ordinal));
            if (!platformNamed)
            {
                RequirePrefix(relationship, name, new Kind("关系", "relationship"), issues);
            }

            RequireLength(relationship, name, NameLimits.RelationshipName, new Kind("关系", "relationship"), issues);
            if (name.Length > NameLimits.RelationshipNameConservative && name.Length <= NameLimits.RelationshipName)
            {
                issues.Warning(Name, relationship,
                    $"关系名超过 {NameLimits.RelationshipNameConservative} 个字符 / relationship name '{name}' is longer than {NameLimits.RelationshipNameConservative} characters (older SDK limit)");
            }
        }
    }

    private void RequirePrefix(XObject node, string name, Kind what, IssueList issues)
    {
        if (!name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            issues.Error(Name, node, $"{what.Chinese} '{name}' 缺少前缀 {Prefix} / {what.English} '{name}' must start with '{Prefix}'");
        }
    }

    private void RequireLength(XObject node, string name, int limit, Kind what, IssueList issues)
    {
        if (name.Length > limit)
        {
            issues.Error(Name, node, $"{what.Chinese} '{name}' 超过 {limit} 个字符 / {what.English} name is {name.Length} characters, the limit is {limit}");
        }
    }

    /// <summary>What a name belongs to, for bilingual messages.</summary>
    private sealed record Kind(string Chinese, string English);
}
