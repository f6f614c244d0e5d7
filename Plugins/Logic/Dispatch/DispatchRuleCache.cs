using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.ServiceRequests.Dispatch;
using PropertyCrm.Plugins.Logic.Caching;
using PropertyCrm.Plugins.Mapping;

namespace PropertyCrm.Plugins.Logic.Dispatch;

/// <summary>
/// The active dispatch rules of each organization, cached per sandbox worker process like the SLA configuration: fresh for
/// <see cref="Lifetime"/> (5 minutes) after the OperationCreatedOn of the execution that loaded them, so an admin's change
/// reaches every worker within 5 minutes. Warm: no read; cold: one. A cached rule's last assignee may be stale: round robin
/// reads it again under the rule's lock (<see cref="DispatchReads.LockAndReread"/>).
/// </summary>
public static class DispatchRuleCache
{
    /// <summary>How long a snapshot is used before it is read again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private static readonly OrganizationSnapshotCache<Snapshot> Snapshots = new();

    /// <summary>The active rules of <paramref name="organizationId"/> as of <paramref name="nowUtc"/> (the execution's OperationCreatedOn).</summary>
    public static IReadOnlyList<DispatchRule> Get(IOrganizationService service, Guid organizationId, DateTime nowUtc)
    {
        var now = DataverseTime.ToUtc(nowUtc);
        if (Snapshots.Find(organizationId) is { } cached && cached.LoadedOn <= now && now - cached.LoadedOn < Lifetime)
        {
            return cached.Rules;
        }

        return Snapshots.Store(organizationId, new Snapshot(now, DispatchReads.ActiveRules(service))).Rules;
    }

    /// <summary>Forgets the snapshot of <paramref name="organizationId"/> in this worker: the next use reads again.</summary>
    public static void Invalidate(Guid organizationId) => Snapshots.Invalidate(organizationId);

    /// <summary>For tests: until disposed, the current logical call context uses a private, empty cache. Never needed in a plug-in.</summary>
    public static IDisposable Isolate() => Snapshots.Isolate();

    private sealed record Snapshot(DateTime LoadedOn, IReadOnlyList<DispatchRule> Rules);
}
