using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using PropertyCrm.Harness.Metadata;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness.Pipeline;

// Cascades from the relationships' configuration (Learn, "Configure table relationship cascading behavior"):
// Restrict refuses the delete while referencing rows exist; Cascade deletes (or assigns) each referencing row through
// the pipeline, as a child operation whose ParentContext is the parent operation's context, so plug-ins on the child
// see the cascade; RemoveLink clears the lookup in the main operation (CoreOperations.RemoveLinksTo).
internal sealed partial class EventPipeline
{
    private const string OwnerId = "ownerid";

    /// <summary>Between PreValidation and PreOperation of a Delete: Restrict check first, then each Cascade child.</summary>
    private void CascadeDelete(Operation operation, Transaction transaction)
    {
        var table = operation.PrimaryEntityName;
        var id = operation.PrimaryEntityId;
        var relationships = dataverse.OneToManyRelationships.Where(r => r.ReferencedEntity == table).ToArray();
        foreach (var relationship in relationships.Where(r => r.CascadeDelete == CascadeBehavior.Restrict))
        {
            if (ReferencingRows(relationship, id, transaction).Count > 0)
            {
                throw Faults.RestrictedDelete(table, id, relationship.SchemaName);
            }
        }

        var origin = CascadeOrigin(operation, transaction);
        foreach (var relationship in relationships.Where(r => r.CascadeDelete == CascadeBehavior.Cascade))
        {
            foreach (var (childId, _) in ReferencingRows(relationship, id, transaction))
            {
                // An earlier cascade of the same delete (contact → bill → payment) may have removed it already.
                if (Exists(relationship.ReferencingEntity, childId, transaction))
                {
                    Run(new DeleteRequest { Target = new EntityReference(relationship.ReferencingEntity, childId) }, origin);
                }
            }
        }
    }

    /// <summary>After the main operation of an Update that sets ownerid (an assign): assigns the referencing rows too.</summary>
    private void CascadeAssign(Operation operation, Transaction transaction)
    {
        if (operation.TargetEntity is not { } target || !target.Contains(OwnerId) || target[OwnerId] is not EntityReference owner)
        {
            return;
        }

        var relationships = dataverse.OneToManyRelationships
            .Where(r => r.ReferencedEntity == target.LogicalName && r.CascadeAssign != CascadeBehavior.NoCascade)
            .ToArray();
        if (relationships.Length == 0)
        {
            return;
        }

        var origin = CascadeOrigin(operation, transaction);
        foreach (var relationship in relationships)
        {
            if (relationship.CascadeAssign == CascadeBehavior.UserOwned)
            {
                throw Faults.NotSupported($"{relationship.SchemaName}: CascadeAssign UserOwned is not modelled by the harness.");
            }

            foreach (var (childId, attributes) in ReferencingRows(relationship, target.Id, transaction))
            {
                var active = attributes.TryGetValue(StateCode, out var s) && s is OptionSetValue state && state.Value == 0;
                var ownedAlready = attributes.TryGetValue(OwnerId, out var o) && o is EntityReference current && current.Id == owner.Id;

                // Learn: a cascading action does not run when the child already has the requested value.
                if (ownedAlready || (relationship.CascadeAssign == CascadeBehavior.Active && !active))
                {
                    continue;
                }

                var child = new Entity(relationship.ReferencingEntity, childId) { [OwnerId] = new EntityReference(owner.LogicalName, owner.Id) };
                Run(new UpdateRequest { Target = child }, origin);
            }
        }
    }

    // Child operations of a cascade: one level deeper, in the same transaction, the parent operation as ParentContext.
    private CallOrigin CascadeOrigin(Operation operation, Transaction transaction)
    {
        var parent = operation.Origin;
        return new CallOrigin(parent.UserId, parent.InitiatingUserId, parent.Depth + 1, parent.CorrelationId, transaction, OuterContextOf(operation), parent.Record);
    }

    private List<(Guid Id, IReadOnlyDictionary<string, object> Attributes)> ReferencingRows(OneToManyRelationship relationship, Guid referencedId, Transaction transaction)
    {
        var store = dataverse.Store;
        lock (store.Gate)
        {
            return store.RowsOf(relationship.ReferencingEntity)
                .Select(r => RowStore.VisibleVersion(r, transaction))
                .Where(r => r is not null
                    && r.Attributes.TryGetValue(relationship.ReferencingAttribute, out var value)
                    && value is EntityReference reference
                    && reference.Id == referencedId)
                .Select(r => (r!.Id, (IReadOnlyDictionary<string, object>)new Dictionary<string, object>(r.Attributes, StringComparer.Ordinal)))
                .ToList();
        }
    }

    private bool Exists(string logicalName, Guid id, Transaction transaction)
    {
        lock (dataverse.Store.Gate)
        {
            return dataverse.Store.Read(transaction, new RowKey(logicalName, id)) is not null;
        }
    }
}
