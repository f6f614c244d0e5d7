using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using PropertyCrm.Cli.Packaging.Checks;
using PropertyCrm.Harness.Metadata;

namespace PropertyCrm.Harness.Security;

/// <summary>
/// What the shipped Solution/ says about security per table: organization-owned tables (Entity.xml
/// OwnershipTypeMask OrgOwned: Learn "Security concepts": their privileges are Global or None, an on/off switch),
/// secured columns (IsSecured 1, Learn "Column-level security") and the field security profiles granting them.
/// </summary>
internal static class ShippedTableSecurity
{
    /// <summary>Platform tables whose rows belong to a business unit rather than an owner (Learn: "business-owned").</summary>
    public static readonly IReadOnlySet<string> BusinessOwned = new HashSet<string>(StringComparer.Ordinal) { "systemuser", "team", "businessunit" };

    private static readonly Lazy<IReadOnlySet<string>> OrganizationOwned = new(() => new HashSet<string>(
        ShippedSolution.Index.Entities
            .Where(e => string.Equals(e.Descendants("OwnershipTypeMask").FirstOrDefault()?.Value.Trim(), "OrgOwned", StringComparison.Ordinal))
            .Select(SolutionIndex.LogicalNameOf),
        StringComparer.Ordinal));

    private static readonly Lazy<IReadOnlySet<(string Table, string Column)>> Secured = new(() => new HashSet<(string, string)>(
        ShippedSolution.Index.Entities.SelectMany(e => SolutionIndex.Columns(e)
            .Where(c => c.Element("IsSecured")?.Value.Trim() == "1")
            .Select(c => (SolutionIndex.LogicalNameOf(e), SolutionIndex.ColumnName(c))))));

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<FieldPermission>>> Profiles = new(() =>
        ShippedSolution.Index.FieldSecurityProfiles.ToDictionary(
            p => (string?)p.Attribute("name") ?? string.Empty,
            p => (IReadOnlyList<FieldPermission>)p.Elements("FieldPermissions").Elements("FieldPermission").Select(FieldPermission.FromXml).ToList(),
            StringComparer.Ordinal));

    public static bool IsOrganizationOwned(string table) => OrganizationOwned.Value.Contains(table);

    public static bool IsSecured(string table, string column) => Secured.Value.Contains((table, column));

    public static bool HasSecuredColumns(string table) => Secured.Value.Any(s => s.Table == table);

    public static IEnumerable<string> ProfileNames => Profiles.Value.Keys;

    public static IReadOnlyList<FieldPermission> Profile(string name) =>
        Profiles.Value.TryGetValue(name, out var permissions)
            ? permissions
            : throw new ArgumentException($"No field security profile '{name}' in Solution/ (shipped: {string.Join(", ", Profiles.Value.Keys)}).", nameof(name));
}

/// <summary>One FieldPermission of a profile: 4 = allowed, 0 = not (the values the solution XML carries).</summary>
internal sealed record FieldPermission(string Table, string Column, bool CanRead, bool CanCreate, bool CanUpdate)
{
    public static FieldPermission FromXml(XElement permission) => new(
        permission.Element("EntityName")?.Value.Trim().ToLowerInvariant() ?? string.Empty,
        permission.Element("AttributeName")?.Value.Trim().ToLowerInvariant() ?? string.Empty,
        permission.Element("CanRead")?.Value.Trim() == "4",
        permission.Element("CanCreate")?.Value.Trim() == "4",
        permission.Element("CanUpdate")?.Value.Trim() == "4");
}
