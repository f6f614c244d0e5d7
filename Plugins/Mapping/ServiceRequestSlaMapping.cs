using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.ServiceRequests;
using PropertyCrm.Domain.Sla;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Plugins.Mapping;

/// <summary>
/// Maps a <c>pcrm_servicerequest</c> row to <see cref="ServiceRequestState"/> and writes a state back as column values.
/// </summary>
/// <remarks>
/// Entity ↔ record only: the rules for reading a stored clock (policy reconciliation, completion, pausing) are
/// <see cref="StoredSlaClocks"/>, and what is written (whole paused minutes, when the state code goes with a create)
/// is <see cref="StoredServiceRequests"/>. Date-times go through <see cref="DataverseTime"/>. The SLA sweep restores
/// the clocks through <see cref="ReadClocks"/>, the same code as <see cref="ReadState"/>.
/// </remarks>
public static class ServiceRequestSlaMapping
{
    /// <summary>Columns <see cref="ReadState"/> and <see cref="ReadFacts"/> use.</summary>
    public static IReadOnlyList<string> ColumnsRead { get; } = BuildColumnsRead();

    /// <summary>Columns <see cref="ReadClocks"/> uses (what the SLA sweep re-reads of a due request).</summary>
    public static IReadOnlyList<string> ClockColumnsRead { get; } = new[]
        {
            Columns.SlaStartedOn, Columns.PausedOn, Columns.CreatedOn, Columns.RequestType, Columns.ServiceLine, Columns.Urgency,
            Columns.OwnerTier, Columns.Property, Columns.StateCode,
        }
        .Concat(ClockColumns.Each.SelectMany(c => new[] { c.TargetMinutes, c.Calendar, c.MetOn, c.BreachedOn, c.Status, c.PausedMinutes, c.CompletedBy }))
        .ToArray();

    /// <summary>True when the row carries at least one SLA target (so restoring it needs policies and calendars).</summary>
    public static bool HasClocks(Entity row) => ClockColumns.Each.Any(c => row.GetAttributeValue<int?>(c.TargetMinutes) > 0);

    /// <summary>Policy-matching facts of the row; the type must be set.</summary>
    public static SlaRequestFacts ReadFacts(Entity row) =>
        StoredServiceRequests.Facts(
            OptionValues.Read<RequestType>(row, Columns.RequestType),
            OptionValues.Read<ServiceLine>(row, Columns.ServiceLine),
            OptionValues.Read<Urgency>(row, Columns.Urgency),
            row.GetAttributeValue<string>(Columns.OwnerTier));

    /// <param name="row">The stored row (pre-image).</param>
    /// <param name="policies">The policies in force for the row's property; only called when the row has clocks.</param>
    /// <param name="calendars">The calendar catalog; only used when the row has clocks.</param>
    public static ServiceRequestState ReadState(Entity row, Func<SlaPolicySet> policies, Func<BusinessCalendarCatalog> calendars)
    {
        Guard.NotNull(row, nameof(row));
        var state = new ServiceRequestState
        {
            Status = RequestStatusMapping.Read(row),
            AcceptedOn = DataverseTime.Instant(row, Columns.AcceptedOn),
            DispatchedOn = DataverseTime.Instant(row, Columns.DispatchedOn),
            ArrivedOn = DataverseTime.Instant(row, Columns.ArrivedOn),
            ResolvedOn = DataverseTime.Instant(row, Columns.ResolvedOn),
            ClosedOn = DataverseTime.Instant(row, Columns.ClosedOn),
            PausedOn = DataverseTime.Instant(row, Columns.PausedOn),
            FollowUpOn = DataverseTime.Instant(row, Columns.FollowUpOn),
        };
        var clocks = ReadClockSet(row, () => ReadFacts(row), policies, calendars);
        return clocks is null ? state : state with { FirstResponse = clocks[0], Resolution = clocks[1], OnSite = clocks[2] };
    }

    /// <summary>
    /// The clocks of the KPIs the row tracks, in KPI order (first response, resolution, on-site), read exactly as
    /// <see cref="ReadState"/> reads them, from <see cref="ClockColumnsRead"/> only; for the SLA sweep. A row without
    /// a request type is read as a repair (the sweep keeps escalating a stored request rather than refuse it).
    /// </summary>
    /// <param name="row">The stored row with <see cref="ClockColumnsRead"/>.</param>
    /// <param name="policies">The policies in force for the row's property; only called when the row has clocks.</param>
    /// <param name="calendars">The calendar catalog; only called when the row has clocks.</param>
    /// <exception cref="PropertyCrm.Domain.DomainException">A stored value the rules refuse (unknown calendar, inconsistent clock).</exception>
    public static IReadOnlyList<SlaClock> ReadClocks(Entity row, Func<SlaPolicySet> policies, Func<BusinessCalendarCatalog> calendars)
    {
        Guard.NotNull(row, nameof(row));
        var clocks = new List<SlaClock>();
        foreach (var clock in ReadClockSet(row, () => ReadFactsOrRepair(row), policies, calendars) ?? Array.Empty<SlaClock?>())
        {
            if (clock is not null)
            {
                clocks.Add(clock);
            }
        }

        return clocks;
    }

    /// <summary>
    /// Puts into <paramref name="target"/> every column whose value in <paramref name="state"/> differs from
    /// <paramref name="before"/> (null on create: every value that is set). Status reason is the caller's.
    /// </summary>
    public static void Write(Entity target, Entity? before, ServiceRequestState state, DateTimeOffset now)
    {
        Guard.NotNull(target, nameof(target));
        Guard.NotNull(state, nameof(state));
        var stored = StoredServiceRequests.ToStoredPrecision(state, now);
        var values = new Dictionary<string, object?>
        {
            [Columns.AcceptedOn] = Utc(stored.AcceptedOn),
            [Columns.DispatchedOn] = Utc(stored.DispatchedOn),
            [Columns.ArrivedOn] = Utc(stored.ArrivedOn),
            [Columns.ResolvedOn] = Utc(stored.ResolvedOn),
            [Columns.ClosedOn] = Utc(stored.ClosedOn),
            [Columns.PausedOn] = Utc(stored.PausedOn),
            [Columns.NextEscalationOn] = Utc(stored.NextEscalationOn),
            [Columns.StateCode] = new OptionSetValue(RequestStatusMapping.ToStateCode(stored.Status)),
        };
        AddClock(values, ClockColumns.FirstResponse, stored.FirstResponse);
        values[Columns.ResponseMinutes] = ResponseTime.WholeMinutes(stored.FirstResponse);
        AddClock(values, ClockColumns.Resolution, stored.Resolution);
        AddClock(values, ClockColumns.OnSite, stored.OnSite);

        foreach (var pair in values)
        {
            if (before is null)
            {
                if (pair.Value is not null && !(pair.Key == Columns.StateCode && !StoredServiceRequests.WritesStateCodeOnCreate(stored.Status)))
                {
                    target[pair.Key] = pair.Value;
                }

                continue;
            }

            var old = before.Contains(pair.Key) ? before[pair.Key] : null;
            if (!Equals(old, pair.Value) || target.Contains(pair.Key))
            {
                target[pair.Key] = pair.Value;
            }
        }
    }

    /// <summary>
    /// The clocks in KPI order (first response, resolution, on-site; each null when not tracked), or null when the row
    /// has no target or no start (policies, calendars and facts are not called then).
    /// </summary>
    private static SlaClock?[]? ReadClockSet(Entity row, Func<SlaRequestFacts> facts, Func<SlaPolicySet> policies, Func<BusinessCalendarCatalog> calendars)
    {
        if (!HasClocks(row))
        {
            return null;
        }

        var startedAt = DataverseTime.Instant(row, Columns.SlaStartedOn) ?? DataverseTime.Instant(row, Columns.CreatedOn);
        if (startedAt is null)
        {
            return null;
        }

        var set = policies();
        var catalog = calendars();
        var read = facts();
        return ClockColumns.Each.Select(c => ReadClock(row, c, startedAt.Value, read, set, catalog)).ToArray();
    }

    private static SlaRequestFacts ReadFactsOrRepair(Entity row) =>
        StoredServiceRequests.FactsOrRepair(
            OptionValues.Read<RequestType>(row, Columns.RequestType),
            OptionValues.Read<ServiceLine>(row, Columns.ServiceLine),
            OptionValues.Read<Urgency>(row, Columns.Urgency),
            row.GetAttributeValue<string>(Columns.OwnerTier));

    private static SlaClock? ReadClock(Entity row, ClockColumns columns, DateTimeOffset startedAt, SlaRequestFacts facts, SlaPolicySet policies, BusinessCalendarCatalog calendars)
    {
        var stored = new StoredSlaClock(
            columns.Kpi,
            row.GetAttributeValue<int?>(columns.TargetMinutes),
            row.GetAttributeValue<string>(columns.Calendar),
            row.GetAttributeValue<int?>(columns.PausedMinutes),
            DataverseTime.Instant(row, columns.MetOn),
            DataverseTime.Instant(row, columns.CompletedBy),
            DataverseTime.Instant(row, columns.BreachedOn));
        if (!stored.IsTracked)
        {
            return null;
        }

        return StoredSlaClocks.Restore(stored, startedAt, DataverseTime.Instant(row, Columns.PausedOn), policies.Find(facts, columns.Kpi)?.Target, calendars);
    }

    private static void AddClock(Dictionary<string, object?> values, ClockColumns columns, SlaClock? clock)
    {
        if (clock is null)
        {
            return;
        }

        values[columns.TargetMinutes] = (int)clock.Target.Duration.TotalMinutes;
        values[columns.Calendar] = clock.Calendar.Name;
        values[columns.WarningOn] = clock.WarningAt.UtcDateTime;
        values[columns.DueOn] = clock.DueAt.UtcDateTime;
        values[columns.MetOn] = Utc(clock.MetOn);
        values[columns.BreachedOn] = Utc(clock.BreachedOn);
        values[columns.Status] = OptionValues.ToOption(clock.Status);
        values[columns.PausedMinutes] = (int)clock.PausedTotal.TotalMinutes;
    }

    private static DateTime? Utc(DateTimeOffset? instant) => instant?.UtcDateTime;

    private static IReadOnlyList<string> BuildColumnsRead()
    {
        var columns = new List<string>
        {
            Columns.StatusCode, Columns.RequestType, Columns.ServiceLine, Columns.Urgency, Columns.OwnerTier, Columns.Property,
            Columns.AcceptedOn, Columns.DispatchedOn, Columns.ArrivedOn, Columns.ResolvedOn, Columns.ClosedOn, Columns.PausedOn,
            Columns.FollowUpOn, Columns.SlaStartedOn, Columns.CreatedOn, Columns.NextEscalationOn, Columns.StateCode,
            Columns.ResponseMinutes,
        };
        columns.AddRange(ClockColumns.Each.SelectMany(c => c.All));
        return columns.AsReadOnly();
    }
}
