using System;
using System.Collections.Generic;
using System.Linq;
using PropertyCrm.Cli.Packaging.Checks;

namespace PropertyCrm.Harness.Security;

/// <summary>
/// Where a row sits for access checks: its owning principal (user or team) and owning business unit, or
/// organization-owned. Business-owned platform rows (users, teams, business units) have their unit; a user row is
/// "owned" by that user and a team row by that team, so Basic reaches oneself and one's teams.
/// </summary>
internal sealed record RowScope(Guid? OwnerId, Guid? BusinessUnitId, bool OrganizationOwned);

/// <summary>
/// One calling user's effective security: the union of the privileges of the user's roles and of the roles of the
/// owner teams the user belongs to (Learn "How access to a record is determined": the least restrictive wins).
/// </summary>
internal sealed class CallerSecurity
{
    private readonly ILookup<string, Grant> grants;
    private readonly Func<Guid, Guid, bool> isInSubtree;

    public CallerSecurity(
        Guid userId,
        Guid businessUnitId,
        IReadOnlySet<Guid> teamIds,
        IEnumerable<Grant> grants,
        IReadOnlyList<string> fieldProfiles,
        Func<Guid,
        Guid,
        bool> isInSubtree)
    {
        UserId = userId;
        BusinessUnitId = businessUnitId;
        TeamIds = teamIds;
        this.grants = grants.ToLookup(g => g.Privilege, StringComparer.Ordinal);
        FieldProfiles = fieldProfiles;
        this.isInSubtree = isInSubtree;
    }

    public Guid UserId { get; }

    public Guid BusinessUnitId { get; }

    public IReadOnlySet<Guid> TeamIds { get; }

    public IReadOnlyList<string> FieldProfiles { get; }

    /// <summary>The privilege check: held at any depth through any role.</summary>
    public bool Holds(string privilege) => grants[privilege].Any();

    /// <summary>
    /// The access check, once the privilege is held: ownership (the user or one of the user's teams owns the row:
    /// any depth is enough), else the depth — Basic: owned rows only; Local: the grant's business unit; Deep: that unit
    /// and its children; Global: everything. Organization-owned rows need only the privilege (Global or None).
    /// </summary>
    public bool Reaches(string privilege, RowScope row)
    {
        var held = grants[privilege].ToList();
        if (held.Count == 0)
        {
            return false;
        }

        if (row.OrganizationOwned)
        {
            return true;
        }

        if (row.OwnerId is Guid owner && (owner == UserId || TeamIds.Contains(owner)))
        {
            return true;
        }

        return held.Any(g => g.Depth switch
        {
            PrivilegeDepth.Global => true,
            PrivilegeDepth.Deep => row.BusinessUnitId is Guid unit && isInSubtree(g.BusinessUnitId, unit),
            PrivilegeDepth.Local => row.BusinessUnitId == g.BusinessUnitId,
            _ => false,
        });
    }
}
