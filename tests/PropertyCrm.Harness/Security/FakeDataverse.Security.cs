using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Cli.Packaging.Checks;
using PropertyCrm.Harness.Metadata;
using PropertyCrm.Harness.Security;

namespace PropertyCrm.Harness;

// Security principals and roles: business units, users with the shipped roles, owner teams, field security profiles.
public sealed partial class FakeDataverse
{
    private readonly ConcurrentDictionary<string, SecurityRole> definedRoles = new(StringComparer.Ordinal);
    private SecurityGuard? security;

    /// <summary>The role names Solution/Roles ships ("PCRM 客服专员 Agent"…), plus "System Administrator".</summary>
    public static IEnumerable<string> ShippedRoleNames => ShippedRoles.Names;

    internal SecurityGuard Security => LazyInitializerSecurity();

    /// <summary>A business unit under <paramref name="parentBusinessUnitId"/> (default: the root unit).</summary>
    public Guid CreateBusinessUnit(string name, Guid? parentBusinessUnitId = null)
    {
        var parent = parentBusinessUnitId ?? RootBusinessUnitId;
        var id = IdGenerator();
        Security.Principals.AddBusinessUnit(id, parent);
        Seed(new Entity("businessunit", id) { ["name"] = name, ["parentbusinessunitid"] = new EntityReference("businessunit", parent) });
        return id;
    }

    /// <summary>
    /// A user of <paramref name="businessUnitId"/> holding <paramref name="roleNames"/> (shipped role names, roles made
    /// with <see cref="DefineRole"/>, or "System Administrator"). Every call made as this user — through
    /// <see cref="ServiceFor"/> or a plug-in service created for the user — is checked against these roles; a user
    /// with no role may do nothing but WhoAmI.
    /// </summary>
    public Guid CreateUser(string fullName, Guid businessUnitId, params string[] roleNames)
    {
        var roles = (roleNames ?? Array.Empty<string>()).Select(RoleNamed).ToList();
        var id = IdGenerator();
        Security.Principals.AddUser(id, businessUnitId, roles);
        Seed(new Entity("systemuser", id) { ["fullname"] = fullName, ["businessunitid"] = new EntityReference("businessunit", businessUnitId) });
        return id;
    }

    /// <summary>Adds roles to a user made with <see cref="CreateUser(string, Guid, string[])"/>.</summary>
    public void AssignRoles(Guid userId, params string[] roleNames) =>
        Security.Principals.AddRoles(userId, roleNames.Select(RoleNamed));

    /// <summary>An owner team of <paramref name="businessUnitId"/>: it can own rows, and its members get its roles' privileges.</summary>
    public Guid CreateTeam(string name, Guid businessUnitId, IEnumerable<string> roleNames, params Guid[] members)
    {
        RegisterTable(new TableMetadata("team") { Ownership = TableOwnership.None, HasState = false });
        var id = IdGenerator();
        Security.Principals.AddTeam(id, businessUnitId, (roleNames ?? Array.Empty<string>()).Select(RoleNamed), members ?? Array.Empty<Guid>());
        Seed(new Entity("team", id) { ["name"] = name, ["businessunitid"] = new EntityReference("businessunit", businessUnitId), ["teamtype"] = new OptionSetValue(0) });
        SeedMemberships(id, members ?? Array.Empty<Guid>());
        return id;
    }

    public void AddTeamMembers(Guid teamId, params Guid[] userIds)
    {
        Security.Principals.AddTeamMembers(teamId, userIds);
        SeedMemberships(teamId, userIds);
    }

    /// <summary>The queryable side of membership: teammembership rows (teamid, systemuserid), as Dataverse keeps them.</summary>
    private void SeedMemberships(Guid teamId, IEnumerable<Guid> userIds)
    {
        RegisterTable(new TableMetadata("teammembership") { Ownership = TableOwnership.None, HasState = false });
        foreach (var userId in userIds)
        {
            Seed(new Entity("teammembership", IdGenerator()) { ["teamid"] = teamId, ["systemuserid"] = userId });
        }
    }

    /// <summary>Adds a user or team to a field security profile the solution ships (FieldSecurityProfiles.xml).</summary>
    public void AddToFieldSecurityProfile(string profileName, Guid principalId)
    {
        _ = ShippedTableSecurity.Profile(profileName);
        Security.Principals.AddProfileMember(profileName, principalId);
    }

    /// <summary>
    /// A role for harness tests beside the shipped ones: each entry "privilege:Level", e.g. "prvReadpcrm_unit:Local"
    /// (levels as in role XML: Basic, Local, Deep, Global).
    /// </summary>
    public FakeDataverse DefineRole(string name, params string[] privileges)
    {
        var held = new Dictionary<string, PrivilegeDepth>(StringComparer.Ordinal);
        foreach (var entry in privileges)
        {
            var parts = entry.Split(':');
            if (parts.Length != 2 || !PrivilegeNames.TryParseDepth(parts[1], out var depth))
            {
                throw new ArgumentException($"'{entry}' is not 'privilege:Basic|Local|Deep|Global'.", nameof(privileges));
            }

            held[parts[0]] = depth;
        }

        definedRoles[name] = new SecurityRole(name, held);
        return this;
    }

    /// <summary>The business unit of a user or team (rows they own sit in it); the root unit when unknown.</summary>
    internal Guid PrincipalBusinessUnit(EntityReference owner) =>
        owner.LogicalName == "team" && Security.Principals.BusinessUnitOfTeam(owner.Id) is Guid unit ? unit : BusinessUnitOf(owner.Id);

    private SecurityRole RoleNamed(string name) => definedRoles.TryGetValue(name, out var role) ? role : ShippedRoles.Find(name);

    private SecurityGuard LazyInitializerSecurity() =>
        System.Threading.LazyInitializer.EnsureInitialized(ref security, () => new SecurityGuard(this, new SecurityPrincipals(RootBusinessUnitId)))!;
}
