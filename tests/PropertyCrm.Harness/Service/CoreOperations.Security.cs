using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness.Pipeline;
using PropertyCrm.Harness.Security;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness.Service;

// The security hooks of the main operations: Dataverse checks privileges and access in the core operation, after
// the pre-validation and pre-operation steps (so lookups a pre-operation step fills on the caller's save are
// checked against the caller's role) and with the caller the service acts as (a plug-in's own user, or SYSTEM).
internal sealed partial class CoreOperations
{
    private SecurityGuard Security => dataverse.Security;

    private static Guid Caller(Operation operation) => operation.Origin.UserId;

    /// <summary>An ownerid set by Update (Assign) moves the row to the new owner's business unit, as Assign does.</summary>
    private void FollowNewOwner(Entity target, Dictionary<string, object> attributes)
    {
        if (target.Attributes.TryGetValue("ownerid", out var value) && value is EntityReference owner && attributes.ContainsKey("owningbusinessunit"))
        {
            attributes["owningbusinessunit"] = new EntityReference("businessunit", dataverse.PrincipalBusinessUnit(owner));
        }
    }

    /// <summary>Associate/Disassociate: the caller's Append/AppendTo on each pair (read under the gate).</summary>
    private void DemandAssociation(
        Operation operation,
        Transaction transaction,
        EntityReference target,
        EntityReferenceCollection related,
        bool manyToMany,
        string? referencingTable)
    {
        foreach (var other in related)
        {
            var (referencing, referenced) = !manyToMany && referencingTable == other.LogicalName ? (other, target) : (target, other);
            Security.DemandAssociation(
                Caller(operation),
                Store.Read(transaction, new RowKey(referencing.LogicalName, referencing.Id)),
                Store.Read(transaction, new RowKey(referenced.LogicalName, referenced.Id)),
                manyToMany);
        }
    }

    private void TrimSecuredColumns(Operation operation, EntityCollection result)
    {
        foreach (var entity in result.Entities)
        {
            Security.TrimSecuredColumns(Caller(operation), entity);
        }
    }
}
