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
internal sealed partial class CoreOperations
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
        var id = target.Id != Guid.Empty ? target.Id : dataverse.IdGenerator();
        var attributes = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var attribute in target.Attributes)
        {
            if (attribute.Value is not null)
            {
                attributes[attribute.Key] = ValueCloner.Clone(attribute.Value)!;
            }
        }

        RowValidator.Validate(target.LogicalName, id, target.Attributes, attributes);
        var version = Store.NextVersion();
        dataverse.FillSystemColumns(table, id, attributes, operation.Origin.UserId, version);
        Security.DemandCreate(Caller(operation), target.LogicalName, id, attributes);
        lock (Store.Gate)
        {
            RowValidator.CheckKeys(target.LogicalName, id, attributes.Keys, attributes, (columns, values) => Store.KeyCandidates(target.LogicalName, columns, values));
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
            Security.DemandUpdate(Caller(operation), row, target);
            var attributes = new Dictionary<string, object>(row.Attributes, StringComparer.Ordinal);
            FollowNewOwner(target, attributes);
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

            RowValidator.Validate(target.LogicalName, target.Id, target.Attributes.Where(a => a.Key != table.PrimaryIdAttribute), attributes);
            RowValidator.CheckKeys(target.LogicalName, target.Id, target.Attributes.Keys, attributes, (columns, values) => Store.KeyCandidates(target.LogicalName, columns, values));
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
            Security.DemandDelete(Caller(operation), row);
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
            Security.DemandRead(Caller(operation), row);
            entity = ValueCloner.ToEntity(row, columns.AllColumns ? null : columns.Columns, Metadata.PrimaryIdAttribute(target.LogicalName), dataverse.NameOf);
        }

        Security.TrimSecuredColumns(Caller(operation), entity);

        // The same object is the platform's output parameter, so a post-operation step can adjust it.
        operation.OutputParameters["BusinessEntity"] = entity;
        var response = new RetrieveResponse { ResponseName = "Retrieve" };
        response.Results["Entity"] = entity;
        return response;
    }

    public OrganizationResponse RetrieveMultiple(Operation operation, Transaction? transaction)
    {
        var query = (QueryBase)operation.InputParameters["Query"];
        var readable = Security.ReadFilter(Caller(operation), operation.PrimaryEntityName);
        var result = queries.Execute(query, transaction, operation.Origin.Record, operation.Origin.UserId, readable);
        TrimSecuredColumns(operation, result);
        operation.OutputParameters["BusinessEntityCollection"] = result;
        var response = new RetrieveMultipleResponse { ResponseName = "RetrieveMultiple" };
        response.Results["EntityCollection"] = result;
        return response;
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
}
