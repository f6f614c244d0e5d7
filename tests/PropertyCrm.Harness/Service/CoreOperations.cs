using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness.Metadata;
using PropertyCrm.Harness.Pipeline;
using PropertyCrm.Harness.Query;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness.Service;

/// <summary>
/// The platform's main operations (stage 30) on the row store: what Dataverse does between the pre- and
/// post-operation steps. Each runs atomically under the store's gate.
/// </summary>
internal sealed class CoreOperations
{
    private readonly FakeDataverse dataverse;
    private readonly QueryEvaluator queries;

    public CoreOperations(FakeDataverse dataverse)
    {
        this.dataverse = dataverse;
        queries = new QueryEvaluator(dataverse);
    }

    private RowStore Store => dataverse.Store;

    private MetadataRegistry Metadata => dataverse.Metadata;

    public OrganizationResponse Create(Operation operation, Transaction transaction)
    {
        var target = operation.TargetEntity!;
        var table = Metadata.Table(target.LogicalName);
        var id = target.Id != Guid.Empty ? target.Id : Guid.NewGuid();
        var attributes = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var attribute in target.Attributes)
        {
            if (attribute.Value is not null)
            {
                attributes[attribute.Key] = ValueCloner.Clone(attribute.Value)!;
            }
        }

        var version = Store.NextVersion();
        dataverse.FillSystemColumns(table, id, attributes, operation.Origin.UserId, version);
        lock (Store.Gate)
        {
            if (!Store.Insert(transaction, new StoredRow(target.LogicalName, id, attributes, version)))
            {
                throw Faults.Duplicate(target.LogicalName, id);
            }
        }

        // Post-operation steps see the new id on the Target and in OutputParameters, as in Dataverse.
        target.Id = id;
        operation.PrimaryEntityId = id;
        operation.OutputParameters["id"] = id;
        var response = new CreateResponse { ResponseName = "Create" };
        response.Results["id"] = id;
        return response;
    }

    public OrganizationResponse Update(Operation operation, Transaction transaction)
    {
        var target = operation.TargetEntity!;
        var table = Metadata.Table(target.LogicalName);
        var behavior = operation.InputParameters.TryGetValue("ConcurrencyBehavior", out var b) && b is ConcurrencyBehavior cb ? cb : ConcurrencyBehavior.Default;
        lock (Store.Gate)
        {
            var row = Store.LockForWrite(transaction, new RowKey(target.LogicalName, target.Id))
                ?? throw Faults.NotFound(target.LogicalName, target.Id);
            CheckVersion(behavior, target.RowVersion, row);
            var attributes = new Dictionary<string, object>(row.Attributes, StringComparer.Ordinal);
            foreach (var attribute in target.Attributes)
            {
                if (attribute.Key == table.PrimaryIdAttribute)
                {
                    continue;
                }

                if (attribute.Value is null)
                {
                    attributes.Remove(attribute.Key);
                }
                else
                {
                    attributes[attribute.Key] = ValueCloner.Clone(attribute.Value)!;
                }
            }

            var version = Store.NextVersion();
            if (!table.IsIntersect)
            {
                attributes["modifiedon"] = dataverse.Clock.UtcNow;
                attributes["modifiedby"] = new EntityReference("systemuser", operation.Origin.UserId);
                attributes["versionnumber"] = version;
            }

            row.Attributes = attributes;
            row.Version = version;
        }

        return new UpdateResponse { ResponseName = "Update" };
    }

    public OrganizationResponse Delete(Operation operation, Transaction transaction)
    {
        var target = operation.TargetReference!;
        var behavior = operation.InputParameters.TryGetValue("ConcurrencyBehavior", out var b) && b is ConcurrencyBehavior cb ? cb : ConcurrencyBehavior.Default;
        lock (Store.Gate)
        {
            var row = Store.LockForWrite(transaction, new RowKey(target.LogicalName, target.Id))
                ?? throw Faults.NotFound(target.LogicalName, target.Id);
            CheckVersion(behavior, target.RowVersion, row);
            row.IsDeleted = true;
            RemoveLinksTo(transaction, target.LogicalName, target.Id);
        }

        return new DeleteResponse { ResponseName = "Delete" };
    }

    public OrganizationResponse Retrieve(Operation operation, Transaction? transaction)
    {
        var target = operation.TargetReference!;
        var columns = operation.InputParameters.TryGetValue("ColumnSet", out var c) ? c as ColumnSet : null;
        if (columns is null)
        {
            throw Faults.InvalidArgument("Retrieve requires a ColumnSet.");
        }

        if (columns.AllColumns)
        {
            dataverse.CountAllColumns(operation.Origin.Record);
        }

        Entity entity;
        lock (Store.Gate)
        {
            var row = Store.Read(transaction, new RowKey(target.LogicalName, target.Id))
                ?? throw Faults.NotFound(target.LogicalName, target.Id);
            entity = ValueCloner.ToEntity(row, columns.AllColumns ? null : columns.Columns, Metadata.PrimaryIdAttribute(target.LogicalName), dataverse.NameOf);
        }

        // The same object is the platform's output parameter, so a post-operation step can adjust it.
        operation.OutputParameters["BusinessEntity"] = entity;
        var response = new RetrieveResponse { ResponseName = "Retrieve" };
        response.Results["Entity"] = entity;
        return response;
    }

    public OrganizationResponse RetrieveMultiple(Operation operation, Transaction? transaction)
    {
        var query = (QueryBase)operation.InputParameters["Query"];
        var result = queries.Execute(query, transaction, operation.Origin.Record, operation.Origin.UserId);
        operation.OutputParameters["BusinessEntityCollection"] = result;
        var response = new RetrieveMultipleResponse { ResponseName = "RetrieveMultiple" };
        response.Results["EntityCollection"] = result;
        return response;
    }

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
                if (manyToMany is not null)
                {
                    var (one, two) = Orient(manyToMany, target, other);
                    if (FindIntersect(transaction, manyToMany, one, two).Any())
                    {
                        throw DataverseFaultException.Create(DataverseErrorCodes.DuplicateRecord, $"Cannot insert duplicate key: {target.LogicalName} {target.Id} and {other.LogicalName} {other.Id} are already associated through {relationship.SchemaName}.");
                    }

                    var id = Guid.NewGuid();
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

    public OrganizationResponse WhoAmI(CallOrigin origin)
    {
        var response = new WhoAmIResponse { ResponseName = "WhoAmI" };
        response.Results["UserId"] = origin.UserId;
        response.Results["BusinessUnitId"] = dataverse.BusinessUnitOf(origin.UserId);
        response.Results["OrganizationId"] = FakeDataverse.OrganizationId;
        return response;
    }

    /// <summary>The committed row for images: a full copy of its columns, or null when it does not exist.</summary>
    public Dictionary<string, object>? Snapshot(Operation operation, Transaction? transaction)
    {
        if (operation.PrimaryEntityId == Guid.Empty)
        {
            return null;
        }

        lock (Store.Gate)
        {
            var row = Store.Read(transaction, new RowKey(operation.PrimaryEntityName, operation.PrimaryEntityId));
            return row is null ? null : new Dictionary<string, object>(row.Attributes, StringComparer.Ordinal);
        }
    }

    /// <summary>The id a request addresses: its Id, or the row its key attributes (alternate key) match.</summary>
    public Guid ResolveId(string logicalName, Guid id, KeyAttributeCollection keys, Transaction? transaction)
    {
        if (id != Guid.Empty || keys.Count == 0)
        {
            return id;
        }

        return FindByKeys(logicalName, keys, transaction)
            ?? throw DataverseFaultException.Create(
                DataverseErrorCodes.ObjectDoesNotExist,
                $"A record with the specified key values does not exist in {logicalName} entity ({string.Join(", ", keys.Select(k => $"{k.Key}={k.Value}"))})");
    }

    /// <summary>For Upsert: the existing row's id, or null when the request creates.</summary>
    public Guid? FindExisting(Entity target, Transaction? transaction)
    {
        if (target.Id != Guid.Empty)
        {
            lock (Store.Gate)
            {
                return Store.Read(transaction, new RowKey(target.LogicalName, target.Id)) is null ? null : target.Id;
            }
        }

        if (target.KeyAttributes.Count == 0)
        {
            return null;
        }

        return FindByKeys(target.LogicalName, target.KeyAttributes, transaction);
    }

    public string QueryEntityName(QueryBase query) => queries.EntityNameOf(query);

    private Guid? FindByKeys(string logicalName, KeyAttributeCollection keys, Transaction? transaction)
    {
        var query = new QueryExpression(logicalName) { ColumnSet = new ColumnSet(false), TopCount = 2 };
        foreach (var key in keys)
        {
            query.Criteria.AddCondition(key.Key, ConditionOperator.Equal, key.Value is EntityReference r ? r.Id : key.Value);
        }

        var matches = queries.Execute(query, transaction, record: null).Entities;
        if (matches.Count > 1)
        {
            throw Faults.InvalidArgument($"The key values match more than one {logicalName} row.");
        }

        return matches.Count == 1 ? matches[0].Id : null;
    }

    private static void CheckVersion(ConcurrencyBehavior behavior, string? requested, StoredRow row)
    {
        if (behavior != ConcurrencyBehavior.IfRowVersionMatches)
        {
            return;
        }

        if (string.IsNullOrEmpty(requested))
        {
            throw Faults.VersionNotProvided();
        }

        if (!string.Equals(requested, row.Version.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            throw Faults.VersionMismatch(row.LogicalName, row.Id);
        }
    }

    // Deleting a row removes its N:N associations and clears 1:N lookups to it (RemoveLink, the default
    // cascade for custom relationships). Done directly, without the Update pipeline.
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

        foreach (var relationship in dataverse.OneToManyRelationships.Where(r => r.ReferencedEntity == logicalName))
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
        return Store.RowsOf(relationship.IntersectEntityName)
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
