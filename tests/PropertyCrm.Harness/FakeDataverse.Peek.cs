using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness;

public sealed partial class FakeDataverse
{
    /// <summary>
    /// A copy of the row with every column, or null; for assertions. Bypasses the service (not counted,
    /// no locks): call it between requests, not while one is running.
    /// </summary>
    public Entity? Peek(string logicalName, Guid id)
    {
        lock (Store.Gate)
        {
            var row = Store.Find(new RowKey(logicalName, id));
            return row is null || row.IsDeleted ? null : ValueCloner.ToEntity(row, null, Metadata.PrimaryIdAttribute(logicalName), NameOf);
        }
    }

    /// <summary>
    /// Whether queries seek through the row store's equality index (default true) or scan their table; the answers are
    /// the same (the index tests compare both), only the work differs.
    /// </summary>
    public bool UseEqualityIndex
    {
        get
        {
            lock (Store.Gate)
            {
                return Store.UseEqualityIndex;
            }
        }

        set
        {
            lock (Store.Gate)
            {
                Store.UseEqualityIndex = value;
            }
        }
    }

    /// <summary>Copies of every row of a table, for assertions (see <see cref="Peek"/>).</summary>
    public IReadOnlyList<Entity> PeekAll(string logicalName)
    {
        lock (Store.Gate)
        {
            var key = Metadata.PrimaryIdAttribute(logicalName);
            return Store.RowsOf(logicalName).Where(r => !r.IsDeleted).Select(r => ValueCloner.ToEntity(r, null, key, NameOf)).ToArray();
        }
    }

    public int Count(string logicalName)
    {
        lock (Store.Gate)
        {
            return Store.RowsOf(logicalName).Count(r => !r.IsDeleted);
        }
    }

    /// <summary>
    /// The primary name of the row a lookup points to, for EntityReference.Name. Read without waiting for
    /// row locks: a name is display data.
    /// </summary>
    internal string? NameOf(EntityReference reference)
    {
        lock (Store.Gate)
        {
            var row = Store.Find(new RowKey(reference.LogicalName, reference.Id));
            return row is not null && !row.IsDeleted && row.Attributes.TryGetValue(Metadata.Table(reference.LogicalName).PrimaryNameAttribute, out var name)
                ? name as string
                : null;
        }
    }
}
