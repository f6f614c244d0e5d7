using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Logic.Caching;
using PropertyCrm.Plugins.Mapping;

namespace PropertyCrm.Plugins.Logic.Loyalty;

/// <summary>
/// The loyalty configuration (earn rules + tier policy) of each organization, cached per sandbox worker process.
/// </summary>
/// <remarks>
/// <para><b>How to use it</b> (award step, Custom APIs, redemption, sweeps): pass the organization id and "now" of the
/// execution context, never the system clock —
/// <code>
/// var execution = context.PluginExecutionContext;
/// var config = LoyaltyConfigurationCache.Get(service, execution.OrganizationId, execution.OperationCreatedOn, context.Trace);
/// PointsEngine engine = config.CreateEngine();   // earn rules layered by code over PointsRules.Default
/// TierRules tiers = config.TierRules;             // the active pcrm_tierpolicy row over TierRules.Default
/// </code></para>
/// <para><b>Expiry.</b> A snapshot is fresh for <see cref="Lifetime"/> (5 minutes) after the OperationCreatedOn of the
/// execution that loaded it, measured against the OperationCreatedOn of the execution asking (an earlier one, clock
/// skew, reloads). So an admin's change to an earning rule or the tier policy reaches every worker within 5 minutes;
/// saving such a row also clears the snapshot of the worker that ran <c>LoyaltyConfigurationChangedPlugin</c>
/// (<see cref="Invalidate"/>).</para>
/// <para><b>Threads.</b> See <see cref="OrganizationSnapshotCache{T}"/>: immutable snapshots, the last stored wins.</para>
/// <para><b>Budget.</b> Warm: no read. Cold: two reads (earning rules, tier policy), see <see cref="LoyaltyConfigurationQuery"/>.</para>
/// </remarks>
public static class LoyaltyConfigurationCache
{
    /// <summary>How long a snapshot is used before it is read again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private static readonly OrganizationSnapshotCache<LoyaltyConfiguration> Snapshots = new();

    /// <summary>Earn rules and tier rules of <paramref name="organizationId"/> as of <paramref name="nowUtc"/> (the execution's OperationCreatedOn).</summary>
    public static LoyaltyConfiguration Get(IOrganizationService service, Guid organizationId, DateTime nowUtc, Action<string>? trace = null)
    {
        var now = DataverseTime.ToUtc(nowUtc);
        if (Snapshots.Find(organizationId) is { } cached && cached.IsFreshAt(now, Lifetime))
        {
            return cached;
        }

        var loaded = LoyaltyConfigurationQuery.Load(service, now);
        trace?.Invoke($"Loyalty configuration loaded: {loaded.PointsRules.EarnRules.Count} earn rule(s).");
        foreach (var problem in loaded.Problems)
        {
            trace?.Invoke("Loyalty configuration row left out: " + problem);
        }

        return Snapshots.Store(organizationId, loaded);
    }

    /// <summary>Forgets the snapshot of <paramref name="organizationId"/> in this worker: the next use reads again.</summary>
    public static void Invalidate(Guid organizationId) => Snapshots.Invalidate(organizationId);

    /// <summary>
    /// For tests and tools: until disposed, the current logical call context uses a private, empty cache (in-memory
    /// Dataverse instances share one organization id). Never needed in a plug-in.
    /// </summary>
    public static IDisposable Isolate() => Snapshots.Isolate();
}
