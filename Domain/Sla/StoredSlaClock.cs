using System;

namespace PropertyCrm.Domain.Sla;

/// <summary>
/// What a request row keeps of one KPI's clock, as plain values: the promised target (minutes and calendar, fixed
/// when the request was logged or re-targeted), the paused total in whole minutes, and the instants that end it.
/// </summary>
/// <param name="CompletedBy">The request timestamp that completes the KPI when no met-on is stored (accepted on for
/// first response, resolved on for resolution).</param>
public sealed record StoredSlaClock(
    SlaKpi Kpi,
    int? TargetMinutes,
    string? CalendarName,
    int? PausedMinutes,
    DateTimeOffset? MetOn,
    DateTimeOffset? CompletedBy,
    DateTimeOffset? BreachedOn)
{
    /// <summary>Whether the row tracks this KPI at all (a positive target).</summary>
    public bool IsTracked => TargetMinutes > 0;
}
