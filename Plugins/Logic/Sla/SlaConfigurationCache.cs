using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Plugins.Logic.Caching;
using PropertyCrm.Plugins.Mapping;

namespace PropertyCrm.Plugins.Logic.Sla;

/// <summary>
/// The SLA configuration (admin policies + calendars) of each organization, cached per sandbox worker process.
/// </summary>
/// <remarks>
/// <para><b>How to use it</b> (plug-ins, the SLA sweep, the deadline API): pass the organization id and "now" of the
/// execution context, never the system clock —
/// <code>
/// var now = context.PluginExecutionContext.OperationCreatedOn;              // UTC
/// var orgId = context.PluginExecutionContext.OrganizationId;
/// var config = SlaConfigurationCache.Get(service, orgId, now, propertyId); // policies + calendars
/// SlaPolicySet policies = config.PoliciesFor(propertyId);                  // defaults ▸ company ▸ property
/// BusinessCalendar calendar = config.Calendars.Get("cn-workdays");         // built-in + admin years
/// BusinessCalendarCatalog calendars = SlaConfigurationCache.GetCalendars(service, orgId, now); // calendars only
/// </code>
/// Pass any existing property id as <c>propertyId</c> (the request's) to load both tables in one read; without it the
/// load takes two (see <see cref="SlaConfigurationQuery"/>).</para>
/// <para><b>Expiry.</b> An entry is fresh for <see cref="Lifetime"/> (5 minutes) after the OperationCreatedOn of the
/// execution that loaded it, measured against the OperationCreatedOn of the execution asking; an execution whose
/// OperationCreatedOn is before the load (clock skew between hosts) reloads too. So an admin's change reaches every
/// worker within 5 minutes. Saving a calendar row clears the entry of the worker that ran the validation step
/// (<see cref="Invalidate"/>) so the admin sees the effect at once there.</para>
/// <para><b>Threads.</b> Plug-in instances are shared across threads; see <see cref="OrganizationSnapshotCache{T}"/>:
/// immutable snapshots, the last one stored wins, and both snapshots are equally valid.</para>
/// <para><b>Budget.</b> Warm: no read. Cold: one read with a property anchor, otherwise two (one for calendars only).</para>
/// </remarks>
public static class SlaConfigurationCache
{
    /// <summary>How long a snapshot is used before it is read again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private static readonly OrganizationSnapshotCache<SlaConfiguration> Snapshots = new();

    /// <summary>Policies and calendars of <paramref name="organizationId"/> as of <paramref name="nowUtc"/>.</summary>
    /// <param name="service">Reads the configuration on a miss; every user needs read access to both tables (organization-wide).</param>
    /// <param name="nowUtc">The execution's OperationCreatedOn.</param>
    /// <param name="anchorPropertyId">Any existing property (e.g. the request's): lets a miss cost one read instead of two.</param>
    /// <param name="trace">Told about loads and about admin rows that had to be left out.</param>
    public static SlaConfiguration Get(IOrganizationService service, Guid organizationId, DateTime nowUtc, Guid? anchorPropertyId = null, Action<string>? trace = null)
    {
        var now = DataverseTime.ToUtc(nowUtc);
        if (Snapshots.Find(organizationId) is { } cached && cached.HasPolicies && cached.IsFreshAt(now, Lifetime))
        {
            return cached;
        }

        return Store(organizationId, SlaConfigurationQuery.Load(service, now, anchorPropertyId), trace);
    }

    /// <summary>The calendar catalog only (what the deadline API and workflow activity need): a fresh full snapshot serves too.</summary>
    public static BusinessCalendarCatalog GetCalendars(IOrganizationService service, Guid organizationId, DateTime nowUtc, Action<string>? trace = null)
    {
        var now = DataverseTime.ToUtc(nowUtc);
        if (Snapshots.Find(organizationId) is { } cached && cached.IsFreshAt(now, Lifetime))
        {
            return cached.Calendars;
        }

        return Store(organizationId, SlaConfigurationQuery.LoadCalendars(service, now), trace).Calendars;
    }

    /// <summary>Forgets the snapshot of <paramref name="organizationId"/> in this worker: the next use reads again.</summary>
    public static void Invalidate(Guid organizationId) => Snapshots.Invalidate(organizationId);

    /// <summary>
    /// For tests and tools: until disposed, the current logical call context (this thread and the work it starts) uses
    /// a private, empty cache instead of the worker's. In-memory Dataverse instances all share one organization id, so
    /// tests running in parallel would otherwise see each other's snapshots. Never needed in a plug-in.
    /// </summary>
    public static IDisposable Isolate() => Snapshots.Isolate();

    private static SlaConfiguration Store(Guid organizationId, SlaConfiguration loaded, Action<string>? trace)
    {
        trace?.Invoke($"SLA configuration loaded: {(loaded.HasPolicies ? loaded.PolicyRows.Count : 0)} policy row(s), {loaded.Calendars.Calendars.Count} calendar(s).");
        foreach (var problem in loaded.Problems)
        {
            trace?.Invoke("SLA configuration row left out: " + problem);
        }

        return Snapshots.Store(organizationId, loaded);
    }
}
