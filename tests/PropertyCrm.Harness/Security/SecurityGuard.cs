using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Cli.Packaging.Checks;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness.Security;

/// <summary>
/// The platform's privilege and access checks for one call (Learn "How access to a record is determined"): first
/// the privilege check (the caller holds prv{Verb}{table} through some role, else PrivilegeDenied), then the access
/// check (the depth reaches the row's owner or business unit, else AccessDenied). SYSTEM, System Administrators and
/// callers the test never gave roles pass everything. Intersect rows of N:N relationships are checked through
/// Associate, not on their own.
/// </summary>
internal sealed class SecurityGuard
{
    /// <summary>Lookups the platform sets (owner, audit, currency): not checked for Append/AppendTo on a save.</summary>
    private static readonly IReadOnlySet<string> PlatformLookups = new HashSet<string>(StringComparer.Ordinal)
    {
        "ownerid", "owninguser", "owningteam", "owningbusinessunit", "createdby", "modifiedby", "createdonbehalfby",
        "modifiedonbehalfby", "transactioncurrencyid", "organizationid",
    };

    private readonly FakeDataverse dataverse;

    public SecurityGuard(FakeDataverse dataverse, SecurityPrincipals principals)
    {
        this.dataverse = dataverse;
        Principals = principals;
    }

    public SecurityPrincipals Principals { get; }

    public CallerSecurity? Caller(Guid userId) => userId == FakeDataverse.SystemUserId ? null : Principals.Caller(userId);

    public void DemandCreate(Guid userId, string table, Guid id, IReadOnlyDictionary<string, object> attributes)
    {
        if (Caller(userId) is not { } caller || IsUnchecked(table))
        {
            return;
        }

        var scope = ScopeOf(table, id, attributes);
        Demand(caller, "Create", table, id, scope);
        DemandLookups(caller, table, id, scope, attributes);
        DemandColumns(caller, table, attributes.Where(a => a.Value is not null).Select(a => a.Key), create: true);
    }

    public void DemandUpdate(Guid userId, StoredRow row, Entity target)
    {
        if (Caller(userId) is not { } caller || IsUnchecked(row.LogicalName))
        {
            return;
        }

        var scope = ScopeOf(row);
        Demand(caller, "Write", row.LogicalName, row.Id, scope);
        if (target.Attributes.TryGetValue("ownerid", out var newOwner) && newOwner is EntityReference owner
            && !(row.Attributes.TryGetValue("ownerid", out var old) && old is EntityReference current && current.Id == owner.Id))
        {
            // Assign is an update of ownerid (the harness runs Assign as Update): it needs Assign on the row.
            Demand(caller, "Assign", row.LogicalName, row.Id, scope);
        }

        DemandLookups(caller, row.LogicalName, row.Id, scope, target.Attributes);
        DemandColumns(caller, row.LogicalName, target.Attributes.Select(a => a.Key), create: false);
    }

    public void DemandDelete(Guid userId, StoredRow row) => DemandOn(userId, "Delete", row);

    public void DemandRead(Guid userId, StoredRow row) => DemandOn(userId, "Read", row);

    /// <summary>
    /// For RetrieveMultiple: the privilege check on the queried table (no Read at all faults), then a filter that keeps
    /// only rows within the caller's Read depth, on the main table and every linked table. Null: no filtering.
    /// </summary>
    public Func<StoredRow, bool>? ReadFilter(Guid userId, string table)
    {
        if (Caller(userId) is not { } caller)
        {
            return null;
        }

        var privilege = PrivilegeNames.Of("Read", table);
        if (!IsUnchecked(table) && !caller.Holds(privilege))
        {
            throw SecurityFaults.PrivilegeDenied(userId, privilege, table);
        }

        return row => IsUnchecked(row.LogicalName) || caller.Reaches(PrivilegeNames.Of("Read", row.LogicalName), ScopeOf(row));
    }

    /// <summary>
    /// Associate/Disassociate. N:N: Append on both rows (Learn: "For many-to-many relationships, you must have Append
    /// privilege for both tables"); 1:N: Append on the referencing row, AppendTo on the referenced one.
    /// </summary>
    public void DemandAssociation(Guid userId, StoredRow? referencing, StoredRow? referenced, bool manyToMany)
    {
        if (Caller(userId) is not { } caller)
        {
            return;
        }

        if (referencing is not null && !IsUnchecked(referencing.LogicalName))
        {
            Demand(caller, "Append", referencing.LogicalName, referencing.Id, ScopeOf(referencing));
        }

        if (referenced is not null && !IsUnchecked(referenced.LogicalName))
        {
            Demand(caller, manyToMany ? "Append" : "AppendTo", referenced.LogicalName, referenced.Id, ScopeOf(referenced));
        }
    }

    /// <summary>A Custom API's ExecutePrivilegeName: the caller must hold it (at any depth) to run the API.</summary>
    public void DemandExecute(Guid userId, string? privilege, string apiName)
    {
        if (privilege is null || Caller(userId) is not { } caller || caller.Holds(privilege))
        {
            return;
        }

        throw SecurityFaults.PrivilegeDenied(userId, privilege, apiName);
    }

    /// <summary>Column-level security on read: secured columns the caller's profiles do not let it read are left out.</summary>
    public void TrimSecuredColumns(Guid userId, Entity entity)
    {
        if (Caller(userId) is not { } caller)
        {
            return;
        }

        foreach (var attribute in entity.Attributes.ToList())
        {
            var (table, column) = attribute.Value is AliasedValue aliased
                ? (aliased.EntityLogicalName, aliased.AttributeLogicalName)
                : (entity.LogicalName, attribute.Key);
            if (ShippedTableSecurity.IsSecured(table, column) && !Permits(caller, table, column, p => p.CanRead))
            {
                entity.Attributes.Remove(attribute.Key);
            }
        }
    }

    private static bool Permits(CallerSecurity caller, string table, string column, Func<FieldPermission, bool> right) =>
        caller.FieldProfiles.SelectMany(ShippedTableSecurity.Profile).Any(p => p.Table == table && p.Column == column && right(p));

    private static void Demand(CallerSecurity caller, string verb, string table, Guid id, RowScope scope)
    {
        var privilege = PrivilegeNames.Of(verb, table);
        if (!caller.Holds(privilege))
        {
            throw SecurityFaults.PrivilegeDenied(caller.UserId, privilege, table);
        }

        if (!caller.Reaches(privilege, scope))
        {
            throw SecurityFaults.AccessDenied(caller.UserId, verb + "Access", table, id);
        }
    }

    private void DemandOn(Guid userId, string verb, StoredRow row)
    {
        if (Caller(userId) is { } caller && !IsUnchecked(row.LogicalName))
        {
            Demand(caller, verb, row.LogicalName, row.Id, ScopeOf(row));
        }
    }

    /// <summary>Setting a lookup: Append on the row being saved, AppendTo on the row the lookup points at.</summary>
    private void DemandLookups(CallerSecurity caller, string table, Guid id, RowScope scope, IEnumerable<KeyValuePair<string, object>> attributes)
    {
        foreach (var (column, value) in attributes)
        {
            if (value is not EntityReference reference || PlatformLookups.Contains(column))
            {
                continue;
            }

            Demand(caller, "Append", table, id, scope);
            StoredRow? referenced;
            lock (dataverse.Store.Gate)
            {
                referenced = dataverse.Store.Find(new RowKey(reference.LogicalName, reference.Id));
            }

            if (referenced is not null && !referenced.IsDeleted && !IsUnchecked(referenced.LogicalName))
            {
                Demand(caller, "AppendTo", referenced.LogicalName, referenced.Id, ScopeOf(referenced));
            }
        }
    }

    private static void DemandColumns(CallerSecurity caller, string table, IEnumerable<string> columns, bool create)
    {
        foreach (var column in columns)
        {
            if (ShippedTableSecurity.IsSecured(table, column) && !Permits(caller, table, column, p => create ? p.CanCreate : p.CanUpdate))
            {
                throw SecurityFaults.SecuredColumn(create, table, column);
            }
        }
    }

    private bool IsUnchecked(string table) => dataverse.Metadata.Table(table).IsIntersect;

    private RowScope ScopeOf(StoredRow row) => ScopeOf(row.LogicalName, row.Id, row.Attributes);

    private RowScope ScopeOf(string table, Guid id, IReadOnlyDictionary<string, object> attributes)
    {
        if (ShippedTableSecurity.IsOrganizationOwned(table) || dataverse.Metadata.Table(table).Ownership == Metadata.TableOwnership.OrganizationOwned)
        {
            return new RowScope(null, null, OrganizationOwned: true);
        }

        Guid? Unit(string column) => attributes.TryGetValue(column, out var v) && v is EntityReference r ? r.Id : null;
        return table switch
        {
            "systemuser" or "team" => new RowScope(id, Unit("businessunitid"), false),
            "businessunit" => new RowScope(null, id, false),
            _ => attributes.TryGetValue("ownerid", out var o) && o is EntityReference owner
                ? new RowScope(owner.Id, Unit("owningbusinessunit") ?? dataverse.PrincipalBusinessUnit(owner), false)
                : new RowScope(null, Unit("owningbusinessunit"), false),
        };
    }
}
