using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Plugins.Mapping;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Plugins.Logic.Sweep;

/// <summary>
/// Maps a service request row to its SLA clocks and back: the columns of one KPI share a prefix
/// (<c>pcrm_fr…</c>, <c>pcrm_res…</c>), described here once per KPI.
/// </summary>
/// <remarks>
/// The stored target (minutes and calendar, set when the request was logged) is the promise made to the owner and
/// wins; the policy in force supplies the warning share and the escalation ladder (its own ladder when its duration
/// is still the stored one, otherwise the proportional default). A KPI without a stored target is not tracked.
/// A KPI is completed at its met-on time, else at the request's accepted-on (first response) or resolved-on
/// (resolution) time. The request-level pause applies only to a KPI still running.
/// </remarks>
public static class ServiceRequestClocks
{
    public static readonly KpiColumns FirstResponse = new(
        SlaKpi.FirstResponse,
        Columns.FirstResponseTargetMinutes,
        Columns.FirstResponseCalendar,
        Columns.FirstResponseMetOn,
        Columns.FirstResponseBreachedOn,
        Columns.FirstResponseStatus,
        Columns.FirstResponsePausedMinutes,
        Columns.AcceptedOn);

    public static readonly KpiColumns Resolution = new(
        SlaKpi.Resolution,
        Columns.ResolutionTargetMinutes,
        Columns.ResolutionCalendar,
        Columns.ResolutionMetOn,
        Columns.ResolutionBreachedOn,
        Columns.ResolutionStatus,
        Columns.ResolutionPausedMinutes,
        Columns.ResolvedOn);

    public static readonly IReadOnlyList<KpiColumns> Kpis = new[] { FirstResponse, Resolution };

    /// <summary>Every column <see cref="Restore"/> reads.</summary>
    public static readonly string[] ColumnsRead =
    {
        Columns.SlaStartedOn, Columns.PausedOn, Columns.CreatedOn, Columns.RequestType, Columns.ServiceLine, Columns.Urgency,
        Columns.OwnerTier, Columns.Property, Columns.StateCode,
        FirstResponse.TargetMinutes, FirstResponse.Calendar, FirstResponse.MetOn, FirstResponse.BreachedOn, FirstResponse.Status, FirstResponse.PausedMinutes, FirstResponse.CompletedOn,
        Resolution.TargetMinutes, Resolution.Calendar, Resolution.MetOn, Resolution.BreachedOn, Resolution.Status, Resolution.PausedMinutes, Resolution.CompletedOn,
    };

    /// <summary>The clocks of the KPIs the request tracks, in KPI order.</summary>
    /// <exception cref="DomainException">A stored value the rules refuse (unknown calendar, inconsistent clock).</exception>
    public static IReadOnlyList<SlaClock> Restore(Entity request, SweepSettings settings)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (settings is null)
        {
            throw new ArgumentNullException(nameof(settings));
        }

        var clocks = new List<SlaClock>();
        var startedAt = Instant(request, Columns.SlaStartedOn) ?? Instant(request, Columns.CreatedOn);
        if (!startedAt.HasValue)
        {
            return clocks;
        }

        SlaPolicySet? policies = null;
        foreach (var kpi in Kpis)
        {
            var minutes = request.GetAttributeValue<int?>(kpi.TargetMinutes);
            if (!minutes.HasValue || minutes.Value <= 0)
            {
                continue;
            }

            var propertyId = request.GetAttributeValue<EntityReference>(Columns.Property)?.Id;
            policies ??= settings.PoliciesFor(propertyId);
            var target = Target(request, kpi, TimeSpan.FromMinutes(minutes.Value), policies);
            var completedAt = Instant(request, kpi.MetOn) ?? Instant(request, kpi.CompletedOn);
            clocks.Add(SlaClock.Restore(
                target,
                settings.CalendarsFor(propertyId).Get(target.CalendarName),
                startedAt.Value,
                TimeSpan.FromMinutes(request.GetAttributeValue<int?>(kpi.PausedMinutes) ?? 0),
                completedAt.HasValue ? null : Instant(request, Columns.PausedOn),
                completedAt,
                Instant(request, kpi.BreachedOn)));
        }

        return clocks;
    }

    /// <summary>A date-time column as a UTC instant (Dataverse hands plug-ins UTC; Unspecified is read as UTC).</summary>
    public static DateTimeOffset? Instant(Entity row, string column)
    {
        var value = row.GetAttributeValue<DateTime?>(column);
        if (!value.HasValue)
        {
            return null;
        }

        var utc = value.Value.Kind == DateTimeKind.Local ? value.Value.ToUniversalTime() : DateTime.SpecifyKind(value.Value, DateTimeKind.Utc);
        return new DateTimeOffset(utc);
    }

    private static SlaTarget Target(Entity request, KpiColumns kpi, TimeSpan duration, SlaPolicySet policies)
    {
        var facts = new SlaRequestFacts(
            OptionValues.Read<RequestType>(request, Columns.RequestType) ?? RequestType.Repair,
            OptionValues.Read<ServiceLine>(request, Columns.ServiceLine),
            OptionValues.Read<Urgency>(request, Columns.Urgency) ?? Urgency.Normal,
            request.GetAttributeValue<string>(Columns.OwnerTier));
        var policy = policies.Find(facts, kpi.Kpi)?.Target;
        var calendar = request.GetAttributeValue<string>(kpi.Calendar);
        if (string.IsNullOrWhiteSpace(calendar))
        {
            calendar = policy?.CalendarName ?? BuiltInCalendars.ChinaWorkdaysName;
        }

        if (policy is null)
        {
            return new SlaTarget(kpi.Kpi, duration, calendar!);
        }

        var sameDuration = policy.Duration == duration;
        return new SlaTarget(kpi.Kpi, duration, calendar!, policy.WarningPercent, sameDuration ? policy.Ladder : null);
    }
}

/// <summary>The columns one KPI's clock is stored in.</summary>
public sealed class KpiColumns
{
    public KpiColumns(SlaKpi kpi, string targetMinutes, string calendar, string metOn, string breachedOn, string status, string pausedMinutes, string completedOn)
    {
        Kpi = kpi;
        TargetMinutes = targetMinutes;
        Calendar = calendar;
        MetOn = metOn;
        BreachedOn = breachedOn;
        Status = status;
        PausedMinutes = pausedMinutes;
        CompletedOn = completedOn;
    }

    public SlaKpi Kpi { get; }

    public string TargetMinutes { get; }

    public string Calendar { get; }

    public string MetOn { get; }

    public string BreachedOn { get; }

    public string Status { get; }

    public string PausedMinutes { get; }

    /// <summary>The request's own timestamp that completes this KPI (accepted on, resolved on).</summary>
    public string CompletedOn { get; }
}
