using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;

namespace PropertyCrm.Harness.Storage;

/// <summary>
/// All rows, per table, with SQL Server–like row locking. One gate (a monitor) guards the dictionaries;
/// each storage operation is atomic under it, while plug-in code between operations runs truly in parallel.
/// A write takes the row's exclusive lock until the top-level transaction ends and waits for another writer's
/// lock; a read never waits: it sees the last committed version of a row another transaction holds (read
/// committed snapshot, no dirty reads) and its own uncommitted writes. A wait that closes a cycle in the wait-for graph, or
/// lasts longer than <see cref="LockTimeout"/>, makes the waiter the deadlock victim.
/// </summary>
internal sealed class RowStore
{
    private readonly Dictionary<string, Dictionary<Guid, StoredRow>> tables = new(StringComparer.Ordinal);
    private readonly EqualityIndex index = new();
    private long lastVersion = 1_000;
    private long arrivals;

    public object Gate { get; } = new();

    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public long NextVersion() => Interlocked.Increment(ref lastVersion);

    /// <summary>Rows of a table as stored, including uncommitted ones; caller holds the gate.</summary>
    public IEnumerable<StoredRow> RowsOf(string logicalName) =>
        tables.TryGetValue(logicalName, out var rows) ? rows.Values : Enumerable.Empty<StoredRow>();

    /// <summary>
    /// Whether queries seek candidates through the equality index (default) instead of scanning the table; the
    /// answers are the same either way (tests compare them). Caller holds the gate.
    /// </summary>
    public bool UseEqualityIndex { get; set; } = true;

    /// <summary>
    /// Stored rows (any state, as <see cref="RowsOf"/>) that hold or held the value in the column, in arrival order: a
    /// superset of the rows whose visible version has it. Caller holds the gate.
    /// </summary>
    public IEnumerable<StoredRow> Candidates(string logicalName, string column, object key) =>
        CandidateIds(logicalName, column, key) is { } ids ? Candidates(logicalName, ids) : RowsOf(logicalName);

    /// <summary>The stored rows (any state) among the ids, once each, in arrival order. Caller holds the gate.</summary>
    public IEnumerable<StoredRow> Candidates(string logicalName, IEnumerable<Guid> ids)
    {
        if (!tables.TryGetValue(logicalName, out var rows))
        {
            return Enumerable.Empty<StoredRow>();
        }

        var found = new List<StoredRow>();
        var seen = new HashSet<Guid>();
        foreach (var id in ids)
        {
            if (seen.Add(id) && rows.TryGetValue(id, out var row))
            {
                found.Add(row);
            }
        }

        found.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return found;
    }

    /// <summary>
    /// Ids of the rows the index names for the value (see <see cref="Candidates(string, string, object)"/>), or null
    /// when it cannot tell and the table must be scanned (text sought on a column that has held other values). A text
    /// key starts the column's text index, from every row version a reader can see. Caller holds the gate.
    /// </summary>
    public IReadOnlyCollection<Guid>? CandidateIds(string logicalName, string column, object key)
    {
        if (key is TextKey && !index.HasText(logicalName, column))
        {
            index.IndexText(logicalName, column, ReadableVersions(logicalName));
        }

        return index.Lookup(logicalName, column, key);
    }

    /// <summary>
    /// The stored rows (any state) that may hold an alternate key's values — for a unique-index check: the index
    /// candidates of the key column naming the fewest rows (an id or whole number, or text on a text-only column, as a
    /// query seeks), else every row of the table. A superset of the rows whose current values equal the key's.
    /// Caller holds the gate.
    /// </summary>
    public IEnumerable<StoredRow> KeyCandidates(string logicalName, IReadOnlyList<string> columns, IReadOnlyList<object?> values)
    {
        IReadOnlyCollection<Guid>? best = null;
        for (var i = 0; UseEqualityIndex && i < columns.Count; i++)
        {
            var key = EqualityIndex.QueryKeyOf(values[i]);
            if (key is not null && CandidateIds(logicalName, columns[i], key) is { } ids && (best is null || ids.Count < best.Count))
            {
                best = ids;
            }
        }

        return best is null ? RowsOf(logicalName) : Candidates(logicalName, best);
    }

    // Each stored row's values and, when a transaction holds it, the committed image its journal keeps: the versions
    // a reader can see (VisibleVersion); later ones pass through StoredRow.Attributes, which indexes them.
    private IEnumerable<(Guid Id, IReadOnlyDictionary<string, object> Values)> ReadableVersions(string logicalName)
    {
        foreach (var row in RowsOf(logicalName))
        {
            yield return (row.Id, row.Attributes);
            if (row.LockOwner is not null && row.LockOwner.BeforeImages.TryGetValue(row.Key, out var committed) && committed is not null)
            {
                yield return (row.Id, committed.Attributes);
            }
        }
    }

    /// <summary>Every table that has held a row; caller holds the gate.</summary>
    public IEnumerable<string> TableNames => tables.Keys;

    public int CountOf(string logicalName) => tables.TryGetValue(logicalName, out var rows) ? rows.Count : 0;

    public StoredRow? Find(RowKey key) =>
        tables.TryGetValue(key.LogicalName, out var rows) && rows.TryGetValue(key.Id, out var row) ? row : null;

    /// <summary>
    /// The row as the reader sees it, without waiting: its own uncommitted version when the reader holds the
    /// lock, else the last committed version (READ_COMMITTED_SNAPSHOT, as Dataverse's SQL database runs), or
    /// null when it does not exist for the reader (deleted, or inserted by a transaction not yet committed).
    /// Caller holds the gate.
    /// </summary>
    public StoredRow? Read(Transaction? reader, RowKey key)
    {
        var row = Find(key);
        return row is null ? null : VisibleVersion(row, reader);
    }

    /// <summary>
    /// The version of a stored row the reader sees (see <see cref="Read"/>): the row itself, or a detached copy of
    /// its committed image taken from the writer's undo journal. Caller holds the gate.
    /// </summary>
    public static StoredRow? VisibleVersion(StoredRow row, Transaction? reader)
    {
        if (row.LockOwner is null || row.LockOwner == reader)
        {
            return row.IsDeleted ? null : row;
        }

        // Another transaction holds it: the committed image is what it will restore on rollback.
        return row.LockOwner.BeforeImages.TryGetValue(row.Key, out var committed) && committed is not null
            ? new StoredRow(row.LogicalName, row.Id, committed.Attributes, committed.Version)
            : null;
    }

    /// <summary>
    /// Waits until no row that a scan's <c>MightMatch</c> accepts (in its current or committed form) is
    /// locked by another transaction. Only for a write's own existence check (associating twice), where SQL
    /// Server's unique index would make the insert wait; reads never wait. Caller holds the gate.
    /// </summary>
    public void WaitForReadableTables(Transaction? reader, IReadOnlyList<(string Table, Func<IReadOnlyDictionary<string, object>, bool> MightMatch)> scans)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var blocker = FindBlocker(reader, scans);
            if (blocker is null)
            {
                return;
            }

            WaitFor(reader, blocker.LockOwner!, blocker.Key, deadline);
        }
    }

    /// <summary>Whether the reader sees this row's current version (after <see cref="WaitForReadableTables"/>).</summary>
    public static bool IsVisible(StoredRow row, Transaction? reader) =>
        !row.IsDeleted && (row.LockOwner is null || row.LockOwner == reader);

    /// <summary>Locks an existing row for writing; null when it does not exist for this transaction. Caller holds the gate.</summary>
    public StoredRow? LockForWrite(Transaction tx, RowKey key)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var row = Find(key);
            if (row is null)
            {
                return null;
            }

            if (row.LockOwner is null)
            {
                tx.RecordBeforeImage(key, new RowImage(new Dictionary<string, object>(row.Attributes, StringComparer.Ordinal), row.Version));
                row.LockOwner = tx;
            }

            if (row.LockOwner == tx)
            {
                return row.IsDeleted ? null : row;
            }

            WaitFor(tx, row.LockOwner, key, deadline);
        }
    }

    /// <summary>Inserts a new row locked by the transaction; false when the key exists. Caller holds the gate.</summary>
    public bool Insert(Transaction tx, StoredRow row)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var existing = Find(row.Key);
            if (existing is null)
            {
                break;
            }

            if (existing.LockOwner is not null && existing.LockOwner != tx)
            {
                WaitFor(tx, existing.LockOwner, row.Key, deadline);
                continue;
            }

            if (existing.IsDeleted && existing.LockOwner == tx)
            {
                // Deleted and re-created in the same transaction: the journal keeps the original image.
                existing.Attributes = row.Attributes;
                existing.Version = row.Version;
                existing.IsDeleted = false;
                return true;
            }

            return false;
        }

        tx.RecordBeforeImage(row.Key, null);
        row.LockOwner = tx;
        Table(row.LogicalName)[row.Id] = row;
        row.Attach(index, ++arrivals);
        return true;
    }

    /// <summary>Writes a committed row directly (test data seeding): no transaction, no lock.</summary>
    public bool SeedRow(StoredRow row)
    {
        var table = Table(row.LogicalName);
        if (table.ContainsKey(row.Id))
        {
            return false;
        }

        table[row.Id] = row;
        row.Attach(index, ++arrivals);
        return true;
    }

    public void Commit(Transaction tx)
    {
        lock (Gate)
        {
            foreach (var key in tx.TouchOrder)
            {
                var row = Find(key);
                if (row is null || row.LockOwner != tx)
                {
                    continue;
                }

                if (row.IsDeleted)
                {
                    Table(key.LogicalName).Remove(key.Id);
                }

                row.LockOwner = null;
            }

            tx.IsCompleted = true;
            Monitor.PulseAll(Gate);
        }
    }

    public void Rollback(Transaction tx)
    {
        lock (Gate)
        {
            for (var i = tx.TouchOrder.Count - 1; i >= 0; i--)
            {
                var key = tx.TouchOrder[i];
                var row = Find(key);
                if (row is null || row.LockOwner != tx)
                {
                    continue;
                }

                var image = tx.BeforeImages[key];
                if (image is null)
                {
                    Table(key.LogicalName).Remove(key.Id);
                }
                else
                {
                    row.Attributes = new Dictionary<string, object>(image.Attributes, StringComparer.Ordinal);
                    row.Version = image.Version;
                    row.IsDeleted = false;
                }

                row.LockOwner = null;
            }

            tx.IsCompleted = true;
            Monitor.PulseAll(Gate);
        }
    }

    private Dictionary<Guid, StoredRow> Table(string logicalName)
    {
        if (!tables.TryGetValue(logicalName, out var rows))
        {
            rows = new Dictionary<Guid, StoredRow>();
            tables[logicalName] = rows;
        }

        return rows;
    }

    private StoredRow? FindBlocker(Transaction? reader, IReadOnlyList<(string Table, Func<IReadOnlyDictionary<string, object>, bool> MightMatch)> scans)
    {
        foreach (var (table, mightMatch) in scans)
        {
            foreach (var row in RowsOf(table))
            {
                if (row.LockOwner is null || row.LockOwner == reader)
                {
                    continue;
                }

                // Block when the row matches in its uncommitted or its committed form: either could be the
                // answer once the other transaction ends (an index seek in SQL Server would touch it too).
                var committed = row.LockOwner.BeforeImages.TryGetValue(row.Key, out var image) ? image : null;
                if ((!row.IsDeleted && mightMatch(row.Attributes)) || (committed is not null && mightMatch(committed.Attributes)))
                {
                    return row;
                }
            }
        }

        return null;
    }

    private void WaitFor(Transaction? waiter, Transaction owner, RowKey key, Stopwatch waited)
    {
        if (waiter is not null)
        {
            for (var t = owner; t is not null; t = t.WaitingFor)
            {
                if (t == waiter)
                {
                    throw Faults.Deadlock(key, $"{waiter} and {owner} wait for each other");
                }
            }

            waiter.WaitingFor = owner;
        }

        try
        {
            var remaining = LockTimeout - waited.Elapsed;
            if (remaining <= TimeSpan.Zero || (!Monitor.Wait(Gate, remaining) && waited.Elapsed >= LockTimeout))
            {
                throw Faults.Deadlock(key, $"waited {LockTimeout.TotalSeconds:0.#} s for {owner}");
            }
        }
        finally
        {
            if (waiter is not null)
            {
                waiter.WaitingFor = null;
            }
        }
    }
}
