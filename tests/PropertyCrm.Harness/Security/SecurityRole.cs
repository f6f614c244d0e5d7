using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using PropertyCrm.Cli.Packaging.Checks;

namespace PropertyCrm.Harness.Security;

/// <summary>
/// A security role: privilege name (prvReadpcrm_unit, prvAppendToUser…) → the depth it is held at. Shipped roles are
/// read from Solution/Roles through pcrm's SolutionIndex; "System Administrator" is the platform's own role, which
/// passes every privilege and column check (Learn: "Security roles and privileges").
/// </summary>
internal sealed class SecurityRole
{
    public const string SystemAdministratorName = "System Administrator";

    public static readonly SecurityRole SystemAdministrator = new(SystemAdministratorName, new Dictionary<string, PrivilegeDepth>(), bypassesChecks: true);

    public SecurityRole(string name, IReadOnlyDictionary<string, PrivilegeDepth> privileges, bool bypassesChecks = false)
    {
        Name = name;
        Privileges = privileges;
        BypassesChecks = bypassesChecks;
    }

    public string Name { get; }

    public IReadOnlyDictionary<string, PrivilegeDepth> Privileges { get; }

    public bool BypassesChecks { get; }

    /// <summary>A &lt;Role&gt; element of the merged customizations: each RolePrivilege's name and level (the widest when repeated).</summary>
    public static SecurityRole FromXml(XElement role)
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

        return new SecurityRole((string?)role.Attribute("name") ?? string.Empty, held);
    }
}

/// <summary>The roles Solution/Roles ships, by name, read once per test process.</summary>
internal static class ShippedRoles
{
    private static readonly Lazy<IReadOnlyDictionary<string, SecurityRole>> Loaded = new(() =>
        Metadata.ShippedSolution.Index.Roles.Select(SecurityRole.FromXml).ToDictionary(r => r.Name, StringComparer.Ordinal));

    public static IEnumerable<string> Names => Loaded.Value.Keys;

    public static SecurityRole Find(string name)
    {
        if (string.Equals(name, SecurityRole.SystemAdministratorName, StringComparison.Ordinal))
        {
            return SecurityRole.SystemAdministrator;
        }

        return Loaded.Value.TryGetValue(name, out var role)
            ? role
            : throw new ArgumentException($"No role '{name}' in Solution/Roles (shipped: {string.Join(", ", Loaded.Value.Keys)}).", nameof(name));
    }
}
