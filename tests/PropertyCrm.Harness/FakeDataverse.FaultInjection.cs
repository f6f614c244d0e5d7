using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness.Pipeline;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness;

// Fault injection: make the k-th organization-service call plug-ins make fail with a transient platform fault; the
// store's image before and after; the async service's retry of failed system jobs.
public sealed partial class FakeDataverse
{
    private ArmedFault? armedFault;

    /// <summary>Organization-service calls plug-ins made since <see cref="FailCall"/> armed a fault (0 when none is armed).</summary>
    public int CallsSinceArmed => Volatile.Read(ref armedFault)?.Calls ?? 0;

    /// <summary>Whether the armed fault has been raised.</summary>
    public bool InjectedFaultRaised => Volatile.Read(ref armedFault)?.Raised ?? false;

    /// <summary>
    /// Arms a fault: the <paramref name="position"/>-th organization-service call that plug-ins, Custom API handlers or
    /// asynchronous steps make from now on (counted across requests, 1-based; a batch they send counts once) raises
    /// <paramref name="kind"/> instead of running, once. As in Dataverse, the SQL error dooms the transaction the call
    /// belonged to, so even a plug-in that caught it cannot commit. Replaces any armed fault.
    /// </summary>
    public void FailCall(int position, InjectedFaultKind kind)
    {
        if (position < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, "Call positions start at 1.");
        }

        Volatile.Write(ref armedFault, new ArmedFault(position, kind));
    }

    /// <summary>Disarms the fault <see cref="FailCall"/> armed, raised or not.</summary>
    public void ClearInjectedFault() => Volatile.Write(ref armedFault, null);

    /// <summary>
    /// Every committed row with its version, and how many rows a transaction still locks. Take it between requests
    /// (rows another thread is writing show their uncommitted values).
    /// </summary>
    public StoreImage CaptureStore()
    {
        lock (Store.Gate)
        {
            var tables = new Dictionary<string, Dictionary<Guid, Entity>>(StringComparer.Ordinal);
            var locked = 0;
            foreach (var table in Store.TableNames.ToArray())
            {
                var key = Metadata.PrimaryIdAttribute(table);
                var rows = new Dictionary<Guid, Entity>();
                foreach (var row in Store.RowsOf(table))
                {
                    locked += row.LockOwner is null ? 0 : 1;
                    if (!row.IsDeleted)
                    {
                        rows[row.Id] = ValueCloner.ToEntity(row, null, key);
                    }
                }

                tables[table] = rows;
            }

            return new StoreImage(tables, locked);
        }
    }

    /// <summary>
    /// Queues every failed asynchronous step again (the async service retrying a system job that failed with a
    /// transient error, or an admin resuming it) and forgets those failures; <see cref="DrainAsyncSteps"/> runs them.
    /// Returns how many were queued.
    /// </summary>
    public int RetryFailedAsyncSteps()
    {
        var queued = 0;
        while (asyncFailures.TryDequeue(out var failure))
        {
            AsyncQueue.Enqueue(failure.Registration, failure.Queued);
            queued++;
        }

        return queued;
    }

    /// <summary>The armed fault for this call, or null; counts the call. Called for every call a plug-in's service makes.</summary>
    internal DataverseFaultException? NextCallFault(PluginExecutionContext caller)
    {
        var armed = Volatile.Read(ref armedFault);
        if (armed is null || !armed.Take())
        {
            return null;
        }

        var fault = InjectedFaults.Create(armed.Kind);
        caller.Transaction?.Abort($"injected fault at call {armed.Position}: {fault.Message}");
        return fault;
    }

    private sealed class ArmedFault
    {
        private int calls;
        private int raised;

        public ArmedFault(int position, InjectedFaultKind kind)
        {
            Position = position;
            Kind = kind;
        }

        public int Position { get; }

        public InjectedFaultKind Kind { get; }

        public int Calls => Volatile.Read(ref calls);

        public bool Raised => Volatile.Read(ref raised) == 1;

        /// <summary>Counts a call; true exactly once, for the armed position.</summary>
        public bool Take() => Interlocked.Increment(ref calls) == Position && Interlocked.Exchange(ref raised, 1) == 0;
    }
}
