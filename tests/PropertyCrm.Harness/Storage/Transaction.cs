using System;
using System.Collections.Generic;
using System.Threading;

namespace PropertyCrm.Harness.Storage;

/// <summary>
/// A top-level database transaction: the rows it holds locked and, for each, the image to restore on
/// rollback (the undo journal). Every write of the request, including those of plug-ins and of nested
/// calls, joins it, so one failure undoes them all.
/// </summary>
internal sealed class Transaction
{
    private static int nextId;
    private readonly List<Action> afterCommit = new();

    public int Id { get; } = Interlocked.Increment(ref nextId);

    /// <summary>Rows this transaction wrote, in first-touch order, with their committed image (null: did not exist).</summary>
    public Dictionary<RowKey, RowImage?> BeforeImages { get; } = new();

    public List<RowKey> TouchOrder { get; } = new();

    /// <summary>The transaction this one waits for (the wait-for graph used to detect deadlocks).</summary>
    public Transaction? WaitingFor { get; set; }

    /// <summary>
    /// Set when a nested operation failed: as in Dataverse, the transaction can only roll back, and further
    /// work in it is refused.
    /// </summary>
    public string? AbortReason { get; private set; }

    public bool IsCompleted { get; set; }

    public void Abort(string reason) => AbortReason ??= reason;

    public void RecordBeforeImage(RowKey key, RowImage? image)
    {
        if (BeforeImages.ContainsKey(key))
        {
            return;
        }

        BeforeImages[key] = image;
        TouchOrder.Add(key);
    }

    /// <summary>Work to do only if the transaction commits (queueing asynchronous steps).</summary>
    public void OnCommit(Action action)
    {
        lock (afterCommit)
        {
            afterCommit.Add(action);
        }
    }

    public IReadOnlyList<Action> TakeAfterCommitActions()
    {
        lock (afterCommit)
        {
            var copy = afterCommit.ToArray();
            afterCommit.Clear();
            return copy;
        }
    }

    public override string ToString() => $"T{Id}";
}

/// <summary>A row's committed state, kept to restore it on rollback.</summary>
internal sealed class RowImage
{
    public RowImage(Dictionary<string, object> attributes, long version)
    {
        Attributes = attributes;
        Version = version;
    }

    public Dictionary<string, object> Attributes { get; }

    public long Version { get; }
}
