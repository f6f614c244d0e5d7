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
    private Dictionary<string, object> attributes;

    public StoredRow(string logicalName, Guid id, Dictionary<string, object> attributes, long version)
    {
        LogicalName = logicalName;
        Id = id;
        this.attributes = attributes;
        Version = version;
    }

    public string LogicalName { get; }

    public Guid Id { get; }

    public RowKey Key => new(LogicalName, Id);

    /// <summary>The row's values; a new dictionary replaces them (never mutated in place), and the store's index learns them.</summary>
    public Dictionary<string, object> Attributes
    {
        get => attributes;
        set
        {
            attributes = value;
            Index?.Add(this);
        }
    }

    /// <summary>The equality index of the store holding the row; null for detached copies (committed images).</summary>
    public EqualityIndex? Index { get; private set; }

    /// <summary>Order of arrival in the store: index candidates are read in this order.</summary>
    public long Sequence { get; private set; }

    /// <summary>Joins the store: indexed from now on, at its place in arrival order.</summary>
    public void Attach(EqualityIndex index, long sequence)
    {
        Index = index;
        Sequence = sequence;
        index.Add(this);
    }

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
