using System;
using System.Collections.Generic;
using System.Linq;

namespace PropertyCrm.Harness.Security;

/// <summary>
/// Who is who for security: the business-unit tree, each modelled user's roles and business unit, owner teams
/// (business unit, roles, members) and field security profile members. Learn "Security concepts in Microsoft
/// Dataverse": every user and team belongs to exactly one business unit; a team's members get the privileges of
/// the team's roles. Users the test never gave roles (the default admin, SYSTEM, users of the role-less
/// <see cref="FakeDataverse.CreateUser(string, Guid?)"/>) are not modelled and pass every check, as a System
/// Administrator does.
/// </summary>
internal sealed class SecurityPrincipals
{
    private readonly object gate = new();
    private readonly Dictionary<Guid, Guid?> parentOf = new();
    private readonly Dictionary<Guid, Principal> users = new();
    private readonly Dictionary<Guid, Principal> teams = new();
    private readonly Dictionary<string, HashSet<Guid>> profileMembers = new(StringComparer.Ordinal);

    public SecurityPrincipals(Guid rootBusinessUnitId)
    {
        parentOf[rootBusinessUnitId] = null;
    }

    public void AddBusinessUnit(Guid id, Guid parentId)
    {
        lock (gate)
        {
            if (!parentOf.ContainsKey(parentId))
            {
                throw new ArgumentException($"Unknown parent business unit {parentId}.", nameof(parentId));
            }

            parentOf[id] = parentId;
        }
    }

    public void AddUser(Guid id, Guid businessUnitId, IEnumerable<SecurityRole> roles)
    {
        lock (gate)
        {
            RequireBusinessUnit(businessUnitId);
            users[id] = new Principal(businessUnitId, roles.ToList());
        }
    }

    public void AddTeam(Guid id, Guid businessUnitId, IEnumerable<SecurityRole> roles, IEnumerable<Guid> members)
    {
        lock (gate)
        {
            RequireBusinessUnit(businessUnitId);
            var team = new Principal(businessUnitId, roles.ToList());
            team.Members.UnionWith(members);
            teams[id] = team;
        }
    }

    public void AddTeamMembers(Guid teamId, IEnumerable<Guid> members)
    {
        lock (gate)
        {
            (teams.TryGetValue(teamId, out var team) ? team : throw new ArgumentException($"Unknown team {teamId}.", nameof(teamId))).Members.UnionWith(members);
        }
    }

    public void AddRoles(Guid userId, IEnumerable<SecurityRole> roles)
    {
        lock (gate)
        {
            (users.TryGetValue(userId, out var user) ? user : throw new ArgumentException($"User {userId} was not created with roles.", nameof(userId))).Roles.AddRange(roles);
        }
    }

    public void AddProfileMember(string profile, Guid principalId)
    {
        lock (gate)
        {
            if (!profileMembers.TryGetValue(profile, out var members))
            {
                profileMembers[profile] = members = new HashSet<Guid>();
            }

            members.Add(principalId);
        }
    }

    /// <summary>Null when the user is not modelled or holds System Administrator: no check applies to them.</summary>
    public CallerSecurity? Caller(Guid userId)
    {
        lock (gate)
        {
            if (!users.TryGetValue(userId, out var user) || user.Roles.Any(r => r.BypassesChecks))
            {
                return null;
            }

            var memberOf = teams.Where(t => t.Value.Members.Contains(userId)).ToList();
            if (memberOf.Any(t => t.Value.Roles.Any(r => r.BypassesChecks)))
            {
                return null;
            }

            // A role's depth is measured from the business unit of the principal the role is assigned to: the user's
            // own roles from the user's unit, an owner team's roles from the team's unit.
            var grants = user.Roles.SelectMany(r => r.Privileges.Select(p => new Grant(p.Key, p.Value, user.BusinessUnitId)))
                .Concat(memberOf.SelectMany(t => t.Value.Roles.SelectMany(r => r.Privileges.Select(p => new Grant(p.Key, p.Value, t.Value.BusinessUnitId)))))
                .ToList();
            var teamIds = memberOf.Select(t => t.Key).ToHashSet();
            var principals = new HashSet<Guid>(teamIds) { userId };
            var profiles = profileMembers.Where(p => p.Value.Overlaps(principals)).Select(p => p.Key).ToList();
            return new CallerSecurity(userId, user.BusinessUnitId, teamIds, grants, profiles, Subtree);
        }
    }

    /// <summary>The owner teams <paramref name="userId"/> is a member of (FetchXML eq-useroruserteams).</summary>
    public IReadOnlyCollection<Guid> TeamsOf(Guid userId)
    {
        lock (gate)
        {
            return teams.Where(t => t.Value.Members.Contains(userId)).Select(t => t.Key).ToList();
        }
    }

    public Guid? BusinessUnitOfTeam(Guid teamId)
    {
        lock (gate)
        {
            return teams.TryGetValue(teamId, out var team) ? team.BusinessUnitId : null;
        }
    }

    /// <summary>The unit and every unit below it (Deep).</summary>
    private bool Subtree(Guid top, Guid unit)
    {
        lock (gate)
        {
            Guid? current = unit;
            while (current is Guid id)
            {
                if (id == top)
                {
                    return true;
                }

                current = parentOf.TryGetValue(id, out var parent) ? parent : null;
            }

            return false;
        }
    }

    private void RequireBusinessUnit(Guid businessUnitId)
    {
        if (!parentOf.ContainsKey(businessUnitId))
        {
            throw new ArgumentException($"Unknown business unit {businessUnitId}: create it with CreateBusinessUnit first.", nameof(businessUnitId));
        }
    }

    private sealed class Principal
    {
        public Principal(Guid businessUnitId, List<SecurityRole> roles)
        {
            BusinessUnitId = businessUnitId;
            Roles = roles;
        }

        public Guid BusinessUnitId { get; }

        public List<SecurityRole> Roles { get; }

        public HashSet<Guid> Members { get; } = new();
    }
}

/// <summary>One privilege at a depth, measured from a business unit.</summary>
internal sealed record Grant(string Privilege, Cli.Packaging.Checks.PrivilegeDepth Depth, Guid BusinessUnitId);
