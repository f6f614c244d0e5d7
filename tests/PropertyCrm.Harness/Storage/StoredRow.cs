using System;
using System.Collections.Generic;

namespace PropertyCrm.Harness.Storage;

/// <summary>
/// One row as stored. Values are cloned on the way in and out and replaced, never mutated in place, so a
/// shallow copy of <see cref="Attributes"/> is a true snapshot (that is what the undo journal keeps).
/// Only touched under the store's gate.
/// </summary>
internal sealed class StoredRow
{
    public StoredRow(string logicalName, Guid id, Dictionary<string, object> attributes, long version)
    {
        LogicalName = logicalName;
        Id = id;
        Attributes = attributes;
        Version = version;
    }

    public string LogicalName { get; }

    public Guid Id { get; }

    public RowKey Key => new(LogicalName, Id);

    public Dictionary<string, object> Attributes { get; set; }

    /// <summary>Row version (versionnumber); the RowVersion string is its decimal form.</summary>
    public long Version { get; set; }

    /// <summary>The transaction holding the exclusive lock, until it commits or rolls back.</summary>
    public Transaction? LockOwner { get; set; }

    /// <summary>
    /// Deleted by <see cref="LockOwner"/>, not yet committed. The row stays in place so other transactions
    /// block on it (no dirty read of a delete) and a rollback finds it.
    /// </summary>
    public bool IsDeleted { get; set; }
}
