using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.ServiceRequests;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Plugins.Mapping;

/// <summary>The columns one KPI's clock is stored in on <c>pcrm_servicerequest</c> (prefix <c>pcrm_fr…</c> / <c>pcrm_res…</c>).</summary>
public sealed class ClockColumns
{
    public static readonly ClockColumns FirstResponse = new(
        SlaKpi.FirstResponse,
        Columns.FirstResponseTargetMinutes,
        Columns.FirstResponseCalendar,
        Columns.FirstResponseWarningOn,
        Columns.FirstResponseDueOn,
        Columns.FirstResponseMetOn,
        Columns.FirstResponseBreachedOn,
        Columns.FirstResponseStatus,
        Columns.FirstResponsePausedMinutes,
        Columns.AcceptedOn);

    public static readonly ClockColumns Resolution = new(
        SlaKpi.Resolution,
        Columns.ResolutionTargetMinutes,
        Columns.ResolutionCalendar,
        Columns.ResolutionWarningOn,
        Columns.ResolutionDueOn,
        Columns.ResolutionMetOn,
        Columns.ResolutionBreachedOn,
        Columns.ResolutionStatus,
        Columns.ResolutionPausedMinutes,
        Columns.ResolvedOn);

    private ClockColumns(SlaKpi kpi, string targetMinutes, string calendar, string warningOn, string dueOn, string metOn, string breachedOn, string status, string pausedMinutes, string completedBy)
    {
        Kpi = kpi;
        TargetMinutes = targetMinutes;
        Calendar = calendar;
        WarningOn = warningOn;
        DueOn = dueOn;
        MetOn = metOn;
        BreachedOn = breachedOn;
        Status = status;
        PausedMinutes = pausedMinutes;
        CompletedBy = completedBy;
    }

    public SlaKpi Kpi { get; }

    public string TargetMinutes { get; }

    public string Calendar { get; }

    public string WarningOn { get; }

    public string DueOn { get; }

    public string MetOn { get; }

    public string BreachedOn { get; }

    public string Status { get; }

    public string PausedMinutes { get; }

    /// <summary>The request timestamp that completes the KPI (accepted on, resolved on).</summary>
    public string CompletedBy { get; }

    public string[] All => new[] { TargetMinutes, Calendar, WarningOn, DueOn, MetOn, BreachedOn, Status, PausedMinutes };
}

/// <summary>
/// Maps a <c>pcrm_servicerequest</c> row to <see cref="ServiceRequestState"/> and writes a state back as column values.
/// </summary>
/// <remarks>
/// <para><b>Reading clocks.</b> The stored target (minutes and calendar, set when the request was logged or
/// re-targeted) is the promise and wins; the policy now in force for the request's facts supplies the warning share
/// and, when its duration is still the stored one, the escalation ladder (otherwise the proportional ladder). A
/// clock is completed at its met-on time, else at accepted on (first response) / resolved on (resolution); paused on
/// applies to a clock still running. Deadlines are recomputed from SLA started on + paused minutes
/// (<see cref="SlaClock.Restore"/>), so a stored deadline can never disagree with the rules. The SLA sweep restores
/// the clocks through <see cref="ReadClocks"/>, the same code.</para>
/// <para><b>Precision.</b> Dataverse keeps date-times to the second and paused time in whole minutes: "now" is
/// truncated to the second before the rules run, and a clock whose paused total is not whole minutes is stored
/// with the whole minutes (rounded down: the owner's benefit is never overstated) and its deadlines recomputed
/// from them, so what is written is exactly what the next read rebuilds.</para>
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
        ClockColumns.FirstResponse.TargetMinutes, ClockColumns.FirstResponse.Calendar, ClockColumns.FirstResponse.MetOn,
        ClockColumns.FirstResponse.BreachedOn, ClockColumns.FirstResponse.Status, ClockColumns.FirstResponse.PausedMinutes,
        ClockColumns.FirstResponse.CompletedBy,
        ClockColumns.Resolution.TargetMinutes, ClockColumns.Resolution.Calendar, ClockColumns.Resolution.MetOn,
        ClockColumns.Resolution.BreachedOn, ClockColumns.Resolution.Status, ClockColumns.Resolution.PausedMinutes,
        ClockColumns.Resolution.CompletedBy,
    };

    /// <summary>True when the row carries at least one SLA target (so restoring it needs policies and calendars).</summary>
    public static bool HasClocks(Entity row) =>
        row.GetAttributeValue<int?>(Columns.FirstResponseTargetMinutes) > 0 || row.GetAttributeValue<int?>(Columns.ResolutionTargetMinutes) > 0;

    /// <summary>Policy-matching facts of the row; the type must be set.</summary>
    public static SlaRequestFacts ReadFacts(Entity row) =>
        ServiceRequestIntake.Facts(
            OptionValues.Read<RequestType>(row, Columns.RequestType),
            OptionValues.Read<ServiceLine>(row, Columns.ServiceLine),
            OptionValues.Read<Urgency>(row, Columns.Urgency) ?? Urgency.Normal,
            row.GetAttributeValue<string>(Columns.OwnerTier));

    /// <param name="row">The stored row (pre-image).</param>
    /// <param name="policies">The policies in force for the row's property; only called when the row has clocks.</param>
    /// <param name="calendars">The calendar catalog; only used when the row has clocks.</param>
    public static ServiceRequestState ReadState(Entity row, Func<SlaPolicySet> policies, Func<BusinessCalendarCatalog> calendars)
    {
        if (row is null)
        {
            throw new ArgumentNullException(nameof(row));
        }

        var state = new ServiceRequestState
        {
            Status = RequestStatusMapping.Read(row),
            AcceptedOn = Instant(row, Columns.AcceptedOn),
            DispatchedOn = Instant(row, Columns.DispatchedOn),
            ArrivedOn = Instant(row, Columns.ArrivedOn),
            ResolvedOn = Instant(row, Columns.ResolvedOn),
            ClosedOn = Instant(row, Columns.ClosedOn),
            PausedOn = Instant(row, Columns.PausedOn),
            FollowUpOn = Instant(row, Columns.FollowUpOn),
        };
        var clocks = ReadClockPair(row, () => ReadFacts(row), policies, calendars);
        return clocks is null ? state : state with { FirstResponse = clocks[0], Resolution = clocks[1] };
    }

    /// <summary>
    /// The clocks of the KPIs the row tracks, in KPI order (first response, resolution), read exactly as
    /// <see cref="ReadState"/> reads them, from <see cref="ClockColumnsRead"/> only; for the SLA sweep. A row without
    /// a request type is read as a repair (the sweep keeps escalating a stored request rather than refuse it).
    /// </summary>
    /// <param name="row">The stored row with <see cref="ClockColumnsRead"/>.</param>
    /// <param name="policies">The policies in force for the row's property; only called when the row has clocks.</param>
    /// <param name="calendars">The calendar catalog; only called when the row has clocks.</param>
    /// <exception cref="PropertyCrm.Domain.DomainException">A stored value the rules refuse (unknown calendar, inconsistent clock).</exception>
    public static IReadOnlyList<SlaClock> ReadClocks(Entity row, Func<SlaPolicySet> policies, Func<BusinessCalendarCatalog> calendars)
    {
        if (row is null)
        {
            throw new ArgumentNullException(nameof(row));
        }

        var clocks = new List<SlaClock>();
        foreach (var clock in ReadClockPair(row, () => ReadFactsOrRepair(row), policies, calendars) ?? Array.Empty<SlaClock?>())
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
        if (target is null)
        {
            throw new ArgumentNullException(nameof(target));
        }

        if (state is null)
        {
            throw new ArgumentNullException(nameof(state));
        }

        var stored = ToStoredPrecision(state, now);
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
        AddClock(values, ClockColumns.Resolution, stored.Resolution);

        foreach (var pair in values)
        {
            if (before is null)
            {
                if (pair.Value is not null && !(pair.Key == Columns.StateCode && !RequestLifecycle.IsFinal(stored.Status)))
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

    /// <summary>The execution's OperationCreatedOn as the rules' "now": UTC, truncated to the second Dataverse stores.</summary>
    public static DateTimeOffset Now(DateTime operationCreatedOn)
    {
        var utc = operationCreatedOn.Kind == DateTimeKind.Local ? operationCreatedOn.ToUniversalTime() : DateTime.SpecifyKind(operationCreatedOn, DateTimeKind.Utc);
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    /// <summary>
    /// The first-response and resolution clocks (each null when not tracked), or null when the row has no target or
    /// no start (policies, calendars and facts are not called then).
    /// </summary>
    private static SlaClock?[]? ReadClockPair(Entity row, Func<SlaRequestFacts> facts, Func<SlaPolicySet> policies, Func<BusinessCalendarCatalog> calendars)
    {
        if (!HasClocks(row))
        {
            return null;
        }

        var startedAt = Instant(row, Columns.SlaStartedOn) ?? Instant(row, Columns.CreatedOn);
        if (startedAt is null)
        {
            return null;
        }

        var set = policies();
        var catalog = calendars();
        var read = facts();
        return new[]
        {
            ReadClock(row, ClockColumns.FirstResponse, startedAt.Value, read, set, catalog),
            ReadClock(row, ClockColumns.Resolution, startedAt.Value, read, set, catalog),
        };
    }

    private static SlaRequestFacts ReadFactsOrRepair(Entity row) =>
        new(
            OptionValues.Read<RequestType>(row, Columns.RequestType) ?? RequestType.Repair,
            OptionValues.Read<ServiceLine>(row, Columns.ServiceLine),
            OptionValues.Read<Urgency>(row, Columns.Urgency) ?? Urgency.Normal,
            row.GetAttributeValue<string>(Columns.OwnerTier));

    private static SlaClock? ReadClock(Entity row, ClockColumns columns, DateTimeOffset startedAt, SlaRequestFacts facts, SlaPolicySet policies, BusinessCalendarCatalog calendars)
    {
        var minutes = row.GetAttributeValue<int?>(columns.TargetMinutes);
        if (!minutes.HasValue || minutes.Value <= 0)
        {
            return null;
        }

        var duration = TimeSpan.FromMinutes(minutes.Value);
        var inForce = policies.Find(facts, columns.Kpi)?.Target;
        var calendarName = row.GetAttributeValue<string>(columns.Calendar);
        if (string.IsNullOrWhiteSpace(calendarName))
        {
            calendarName = inForce?.CalendarName ?? BuiltInCalendars.ChinaWorkdaysName;
        }

        var target = inForce is null
            ? new SlaTarget(columns.Kpi, duration, calendarName!)
            : new SlaTarget(columns.Kpi, duration, calendarName!, inForce.WarningPercent, inForce.Duration == duration ? inForce.Ladder : null);
        var completedAt = Instant(row, columns.MetOn) ?? Instant(row, columns.CompletedBy);
        return SlaClock.Restore(
            target,
            calendars.Get(target.CalendarName),
            startedAt,
            TimeSpan.FromMinutes(row.GetAttributeValue<int?>(columns.PausedMinutes) ?? 0),
            completedAt.HasValue ? null : Instant(row, Columns.PausedOn),
            completedAt,
            Instant(row, columns.BreachedOn));
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

    private static ServiceRequestState ToStoredPrecision(ServiceRequestState state, DateTimeOffset now) =>
        state with { FirstResponse = WholeMinutesPaused(state.FirstResponse, now), Resolution = WholeMinutesPaused(state.Resolution, now) };

    private static SlaClock? WholeMinutesPaused(SlaClock? clock, DateTimeOffset now)
    {
        if (clock is null || clock.PausedTotal.Ticks % TimeSpan.TicksPerMinute == 0)
        {
            return clock;
        }

        var whole = TimeSpan.FromMinutes(Math.Floor(clock.PausedTotal.TotalMinutes));
        var restored = SlaClock.Restore(clock.Target, clock.Calendar, clock.StartedAt, whole, clock.PausedAt, clock.CompletedAt, clock.BreachedOn);
        return restored.IsCompleted || restored.IsPaused ? restored : restored.Observe(now);
    }

    private static DateTime? Utc(DateTimeOffset? instant) => instant?.UtcDateTime;

    private static IReadOnlyList<string> BuildColumnsRead()
    {
        var columns = new List<string>
        {
            Columns.StatusCode, Columns.RequestType, Columns.ServiceLine, Columns.Urgency, Columns.OwnerTier, Columns.Property,
            Columns.AcceptedOn, Columns.DispatchedOn, Columns.ArrivedOn, Columns.ResolvedOn, Columns.ClosedOn, Columns.PausedOn,
            Columns.FollowUpOn, Columns.SlaStartedOn, Columns.CreatedOn, Columns.NextEscalationOn, Columns.StateCode,
        };
        columns.AddRange(ClockColumns.FirstResponse.All);
        columns.AddRange(ClockColumns.Resolution.All);
        return columns.AsReadOnly();
    }
}
