using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness.Service;

// Which row a request means: by id, by alternate key, or (Upsert) whether it exists at all.
internal sealed partial class CoreOperations
{
    /// <summary>The id a request addresses: its Id, or the row its key attributes (alternate key) match.</summary>
    public Guid ResolveId(string logicalName, Guid id, KeyAttributeCollection keys, Transaction? transaction)
    {
        if (id != Guid.Empty || keys.Count == 0)
        {
            return id;
        }

        return FindByKeys(logicalName, keys, transaction)
            ?? throw Faults.NotFoundByKey(logicalName, string.Join(", ", keys.Select(k => $"{k.Key}={k.Value}")));
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
        // Dataverse matches only the table's defined alternate keys (EntityKeys), never arbitrary columns.
        RowValidator.CheckKeyColumns(logicalName, keys.Keys);
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
}
