using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging.Checks;

/// <summary>
/// Each role (Roles/*.xml) can do the jobs its privileges promise. Dataverse accepts a role on import whatever it
/// holds; it fails when a user saves: setting a lookup needs Append on the row's table and AppendTo on the table
/// the lookup points at, so a role that may create or write a table needs both for every lookup on it, and every
/// role needs <see cref="ModelDrivenAppPrivileges"/> to open the app at all. Lookups are our own (custom) lookup
/// columns, their targets read from the relationships; platform lookups (owner, created by, currency…) are set by
/// the platform or by Assign, not through AppendTo.
/// </summary>
internal sealed class RolePrivilegeCheck : ISolutionCheck
{
    /// <summary>
    /// Lookups that only a plug-in running as SYSTEM sets, so no role's user ever appends through them.
    /// Keep it short, and give each its reason: anything a user's own save sets (even a pre-operation plug-in
    /// filling the user's target) is checked against the user's role and does not belong here.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> SystemOnlyLookups = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pcrm_pointsentry.pcrm_contactid"] = "ledger entries are created only by LedgerStore through the SYSTEM service (award, redeem, reverse, expiry)",
        ["pcrm_pointsentry.pcrm_rewardid"] = "ledger entries are created only by LedgerStore through the SYSTEM service (redemptions)",
        ["pcrm_loyaltyaccount.pcrm_contactid"] = "loyalty accounts are written only by the owner lock through the SYSTEM service (a guard refuses users)",
        ["pcrm_tierhistory.pcrm_contactid"] = "tier history rows are written only by the tier logic through the SYSTEM service",
    };

    private static readonly string[] LookupTypes = { "lookup", "customer" };

    public string Name => "roles";

    public void Run(SolutionIndex solution, IssueList issues)
    {
        var lookups = LookupsByTable(solution);
        foreach (var role in solution.Roles)
        {
            var held = Held(role);
            var roleName = (string?)role.Attribute("name") ?? string.Empty;
            foreach (var (privilege, depth) in ModelDrivenAppPrivileges.Required)
            {
                if (!held.TryGetValue(privilege, out var has) || has < depth)
                {
                    issues.Error(Name, role,
                        $"角色 '{roleName}' 缺少打开模型驱动应用所需的 {privilege} (至少 {depth}) / role '{roleName}' lacks {privilege} (at least {depth}), needed to open and use the model-driven app");
                }
            }

            foreach (var (table, columns) in lookups)
            {
                if (!held.ContainsKey(PrivilegeNames.Of("Create", table)) && !held.ContainsKey(PrivilegeNames.Of("Write", table)))
                {
                    continue;
                }

                foreach (var (column, target) in columns)
                {
                    Require(PrivilegeNames.Of("Append", table), $"{table}.{column}");
                    Require(PrivilegeNames.Of("AppendTo", target), $"{table}.{column} → {target}");
                }
            }

            void Require(string privilege, string because)
            {
                if (!held.ContainsKey(privilege))
                {
                    issues.Error(Name, role,
                        $"角色 '{roleName}' 可创建或修改该表但缺少 {privilege}，无法设置查找 {because} / role '{roleName}' may create or write the table but lacks {privilege}, so setting lookup {because} fails");
                }
            }
        }
    }

    /// <summary>Privilege name → depth held (the widest when a name repeats).</summary>
    private static Dictionary<string, PrivilegeDepth> Held(XElement role)
    {
        var held = new Dictionary<string, PrivilegeDepth>(StringComparer.Ordinal);
        foreach (var privilege in role.Elements("RolePrivileges").Elements("RolePrivilege"))
        {
            var name = (string?)privilege.Attribute("name");
            if (name is null || !PrivilegeNames.TryParseDepth((string?)privilege.Attribute("level"), out var depth))
            {
                continue;
            }

            held[name] = held.TryGetValue(name, out var other) && other > depth ? other : depth;
        }

        return held;
    }

    /// <summary>Table → (custom lookup column, target table) from Entity.xml and the relationships, minus <see cref="SystemOnlyLookups"/>.</summary>
    private static SortedDictionary<string, List<(string Column, string Target)>> LookupsByTable(SolutionIndex solution)
    {
        var targets = solution.Relationships
            .Where(r => r.Element("ReferencingAttributeName") is not null)
            .ToLookup(
                r => $"{Lower(r.Element("ReferencingEntityName")?.Value)}.{Lower(r.Element("ReferencingAttributeName")?.Value)}",
                r => Lower(r.Element("ReferencedEntityName")?.Value),
                StringComparer.Ordinal);
        var result = new SortedDictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        foreach (var entity in solution.Entities)
        {
            var table = SolutionIndex.LogicalNameOf(entity);
            var columns = SolutionIndex.Columns(entity)
                .Where(c => LookupTypes.Contains(c.Element("Type")?.Value.Trim().ToLowerInvariant()) && c.Element("IsCustomField")?.Value.Trim() == "1")
                .Select(SolutionIndex.ColumnName)
                .Where(c => !SystemOnlyLookups.ContainsKey($"{table}.{c}"))
                .SelectMany(c => targets[$"{table}.{c}"].Distinct().Select(t => (c, t)))
                .ToList();
            if (columns.Count > 0)
            {
                result[table] = columns;
            }
        }

        return result;
    }

    private static string Lower(string? value) => value?.Trim().ToLowerInvariant() ?? string.Empty;
}
