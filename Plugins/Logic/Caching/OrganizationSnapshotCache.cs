using System;
using System.Collections.Concurrent;
using System.Threading;

namespace PropertyCrm.Plugins.Logic.Caching;

/// <summary>
/// One immutable snapshot per organization, kept for the life of the sandbox worker process; the configuration caches
/// (<see cref="Loyalty.LoyaltyConfigurationCache"/>, <see cref="Sla.SlaConfigurationCache"/>) decide when a snapshot is
/// fresh and how it is loaded.
/// </summary>
/// <remarks>
/// <para><b>Threads.</b> A concurrent map of immutable snapshots: two threads that find an entry stale may both load
/// and store; the last one stored wins, and both are valid.</para>
/// <para><b>Tests.</b> <see cref="Isolate"/> gives the current logical call context a private, empty map (in-memory
/// Dataverse instances all share one organization id, so parallel tests would otherwise see each other's snapshots).</para>
/// </remarks>
/// <typeparam name="T">The snapshot type; never changed once stored.</typeparam>
public sealed class OrganizationSnapshotCache<T>
    where T : class
{
    private readonly ConcurrentDictionary<Guid, T> shared = new();

    private readonly AsyncLocal<ConcurrentDictionary<Guid, T>?> isolated = new();

    private ConcurrentDictionary<Guid, T> Entries => isolated.Value ?? shared;

    /// <summary>The snapshot stored for <paramref name="organizationId"/>, fresh or not; null when there is none.</summary>
    public T? Find(Guid organizationId) => Entries.TryGetValue(organizationId, out var snapshot) ? snapshot : null;

    /// <summary>Stores <paramref name="snapshot"/> for <paramref name="organizationId"/> in place of any earlier one, and returns it.</summary>
    public T Store(Guid organizationId, T snapshot)
    {
        Entries[organizationId] = snapshot;
        return snapshot;
    }

    /// <summary>Forgets the snapshot of <paramref name="organizationId"/> in this worker: the next use reads again.</summary>
    public void Invalidate(Guid organizationId) => Entries.TryRemove(organizationId, out _);

    /// <summary>Until disposed, the current logical call context uses a private, empty map. Never needed in a plug-in.</summary>
    public IDisposable Isolate()
    {
        var previous = isolated.Value;
        isolated.Value = new ConcurrentDictionary<Guid, T>();
        return new Restorer(isolated, previous);
    }

    private sealed class Restorer : IDisposable
    {
        private readonly AsyncLocal<ConcurrentDictionary<Guid, T>?> slot;
        private readonly ConcurrentDictionary<Guid, T>? previous;

        public Restorer(AsyncLocal<ConcurrentDictionary<Guid, T>?> slot, ConcurrentDictionary<Guid, T>? previous)
        {
            this.slot = slot;
            this.previous = previous;
        }

        public void Dispose() => slot.Value = previous;
    }
}
