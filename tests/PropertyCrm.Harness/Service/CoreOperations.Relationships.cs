using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using PropertyCrm.Harness.Metadata;
using PropertyCrm.Harness.Pipeline;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness.Service;

// Associate, Disassociate and the links a Delete removes: N:N intersect rows and 1:N lookups.
internal sealed partial class CoreOperations
{
    public OrganizationResponse Associate(Operation operation, Transaction transaction)
    {
        var (target, relationship, related) = AssociationOf(operation);
        var manyToMany = Metadata.FindManyToMany(relationship.SchemaName);
        lock (Store.Gate)
        {
            RequireExists(transaction, target);
            foreach (var other in related)
            {
                RequireExists(transaction, other);
            }

            DemandAssociation(operation, transaction, target, related, manyToMany is not null, manyToMany is null ? OneToMany(relationship).ReferencingEntity : null);
            foreach (var other in related)
            {
                if (manyToMany is not null)
                {
                    var (one, two) = Orient(manyToMany, target, other);
                    if (FindIntersect(transaction, manyToMany, one, two).Any())
                    {
                        throw DataverseFaultException.Create(
                            DataverseErrorCodes.DuplicateRecord,
                            $"Cannot insert duplicate key: {target.LogicalName} {target.Id} and {other.LogicalName} {other.Id} are already associated through {relationship.SchemaName}.");
                    }

                    var id = dataverse.IdGenerator();
                    var attributes = new Dictionary<string, object>(StringComparer.Ordinal)
                    {
                        [manyToMany.Entity1IntersectAttribute] = one,
                        [manyToMany.Entity2IntersectAttribute] = two,
                        [Metadata.PrimaryIdAttribute(manyToMany.IntersectEntityName)] = id,
                    };
                    Store.Insert(transaction, new StoredRow(manyToMany.IntersectEntityName, id, attributes, Store.NextVersion()));
                }
                else
                {
                    var oneToMany = OneToMany(relationship);
                    SetLookup(transaction, oneToMany, target, other, set: true);
                }
            }
        }

        return new AssociateResponse { ResponseName = "Associate" };
    }

    public OrganizationResponse Disassociate(Operation operation, Transaction transaction)
    {
        var (target, relationship, related) = AssociationOf(operation);
        var manyToMany = Metadata.FindManyToMany(relationship.SchemaName);
        lock (Store.Gate)
        {
            DemandAssociation(operation, transaction, target, related, manyToMany is not null, manyToMany is null ? OneToMany(relationship).ReferencingEntity : null);
            foreach (var other in related)
            {
                if (manyToMany is not null)
                {
                    var (one, two) = Orient(manyToMany, target, other);
                    foreach (var key in FindIntersect(transaction, manyToMany, one, two).ToArray())
                    {
                        Store.LockForWrite(transaction, key)!.IsDeleted = true;
                    }
                }
                else
                {
                    SetLookup(transaction, OneToMany(relationship), target, other, set: false);
                }
            }
        }

        return new DisassociateResponse { ResponseName = "Disassociate" };
    }

    // Deleting a row removes its N:N associations and clears the 1:N lookups to it whose relationship is RemoveLink
    // (the default of a registered relationship). A system write done directly, without the Update pipeline: Learn
    // documents no Update event for it. Cascade children are gone already (EventPipeline.Cascades); NoCascade is left.
    private void RemoveLinksTo(Transaction transaction, string logicalName, Guid id)
    {
        foreach (var relationship in dataverse.ManyToManyRelationships)
        {
            var attributes = new List<string>();
            if (relationship.Entity1LogicalName == logicalName)
            {
                attributes.Add(relationship.Entity1IntersectAttribute);
            }

            if (relationship.Entity2LogicalName == logicalName)
            {
                attributes.Add(relationship.Entity2IntersectAttribute);
            }

            var keys = Store.RowsOf(relationship.IntersectEntityName)
                .Where(r => attributes.Any(a => r.Attributes.TryGetValue(a, out var v) && v is Guid g && g == id))
                .Select(r => r.Key)
                .ToArray();
            foreach (var key in keys)
            {
                var row = Store.LockForWrite(transaction, key);
                if (row is not null)
                {
                    row.IsDeleted = true;
                }
            }
        }

        foreach (var relationship in dataverse.OneToManyRelationships.Where(r => r.ReferencedEntity == logicalName && r.CascadeDelete == CascadeBehavior.RemoveLink))
        {
            var keys = Store.RowsOf(relationship.ReferencingEntity)
                .Where(r => r.Attributes.TryGetValue(relationship.ReferencingAttribute, out var v) && v is EntityReference er && er.Id == id)
                .Select(r => r.Key)
                .ToArray();
            foreach (var key in keys)
            {
                var row = Store.LockForWrite(transaction, key);
                if (row is not null)
                {
                    var attributes = new Dictionary<string, object>(row.Attributes, StringComparer.Ordinal);
                    attributes.Remove(relationship.ReferencingAttribute);
                    row.Attributes = attributes;
                    row.Version = Store.NextVersion();
                }
            }
        }
    }

    private (EntityReference Target, Relationship Relationship, EntityReferenceCollection Related) AssociationOf(Operation operation)
    {
        var target = operation.TargetReference!;
        var relationship = operation.InputParameters.TryGetValue("Relationship", out var r) ? r as Relationship : null;
        var related = operation.InputParameters.TryGetValue("RelatedEntities", out var e) ? e as EntityReferenceCollection : null;
        if (relationship is null || related is null)
        {
            throw Faults.InvalidArgument($"{operation.MessageName} requires Relationship and RelatedEntities.");
        }

        if (Metadata.FindManyToMany(relationship.SchemaName) is null && Metadata.FindOneToMany(relationship.SchemaName) is null)
        {
            throw Faults.InvalidArgument($"The relationship '{relationship.SchemaName}' is not registered in the harness (RegisterRelationship).");
        }

        return (target, relationship, related);
    }

    private OneToManyRelationship OneToMany(Relationship relationship) => Metadata.FindOneToMany(relationship.SchemaName)!;

    private static (Guid One, Guid Two) Orient(ManyToManyRelationship relationship, EntityReference target, EntityReference other)
    {
        if (target.LogicalName == relationship.Entity1LogicalName && other.LogicalName == relationship.Entity2LogicalName)
        {
            return (target.Id, other.Id);
        }

        if (target.LogicalName == relationship.Entity2LogicalName && other.LogicalName == relationship.Entity1LogicalName)
        {
            return (other.Id, target.Id);
        }

        throw Faults.InvalidArgument($"{relationship.SchemaName} relates {relationship.Entity1LogicalName} and {relationship.Entity2LogicalName}, not {target.LogicalName} and {other.LogicalName}.");
    }

    private IEnumerable<RowKey> FindIntersect(Transaction transaction, ManyToManyRelationship relationship, Guid one, Guid two)
    {
        bool Matches(IReadOnlyDictionary<string, object> a) =>
            a.TryGetValue(relationship.Entity1IntersectAttribute, out var x) && x is Guid gx && gx == one
            && a.TryGetValue(relationship.Entity2IntersectAttribute, out var y) && y is Guid gy && gy == two;

        Store.WaitForReadableTables(transaction, new (string, Func<IReadOnlyDictionary<string, object>, bool>)[] { (relationship.IntersectEntityName, Matches) });

        // The rows that ever held the first id (the equality index's superset; every table when seeking is off), filtered.
        var candidates = Store.UseEqualityIndex
            ? Store.Candidates(relationship.IntersectEntityName, relationship.Entity1IntersectAttribute, one)
            : Store.RowsOf(relationship.IntersectEntityName);
        return candidates
            .Where(r => RowStore.IsVisible(r, transaction) && Matches(r.Attributes))
            .Select(r => r.Key)
            .ToArray();
    }

    private void RequireExists(Transaction transaction, EntityReference reference)
    {
        if (Store.Read(transaction, new RowKey(reference.LogicalName, reference.Id)) is null)
        {
            throw Faults.NotFound(reference.LogicalName, reference.Id);
        }
    }

    private void SetLookup(Transaction transaction, OneToManyRelationship relationship, EntityReference target, EntityReference other, bool set)
    {
        var (referenced, referencing) = target.LogicalName == relationship.ReferencedEntity && other.LogicalName == relationship.ReferencingEntity
            ? (target, other)
            : target.LogicalName == relationship.ReferencingEntity && other.LogicalName == relationship.ReferencedEntity
                ? (other, target)
                : throw Faults.InvalidArgument($"{relationship.SchemaName} relates {relationship.ReferencedEntity} (1) to {relationship.ReferencingEntity} (N), not {target.LogicalName} and {other.LogicalName}.");
        var row = Store.LockForWrite(transaction, new RowKey(referencing.LogicalName, referencing.Id))
            ?? throw Faults.NotFound(referencing.LogicalName, referencing.Id);
        var attributes = new Dictionary<string, object>(row.Attributes, StringComparer.Ordinal);
        if (set)
        {
            attributes[relationship.ReferencingAttribute] = new EntityReference(referenced.LogicalName, referenced.Id);
        }
        else if (attributes.TryGetValue(relationship.ReferencingAttribute, out var current) && current is EntityReference r && r.Id == referenced.Id)
        {
            attributes.Remove(relationship.ReferencingAttribute);
        }

        var version = Store.NextVersion();
        attributes["modifiedon"] = dataverse.Clock.UtcNow;
        attributes["versionnumber"] = version;
        row.Attributes = attributes;
        row.Version = version;
    }
}
