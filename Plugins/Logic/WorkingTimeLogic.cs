using System;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Calendars;

namespace PropertyCrm.Plugins.Logic;

/// <summary>
/// Deadline arithmetic for callers that speak Dataverse's types (UTC DateTime, whole minutes): the
/// Custom API and the classic-workflow activity share it, so both answer exactly as the SLA clock does.
/// </summary>
public static class WorkingTimeLogic
{
    /// <summary>Upper bound on a single request: ten years of round-the-clock minutes.</summary>
    public const int MaxMinutes = 10 * 366 * 24 * 60;

    /// <summary>The UTC instant at which <paramref name="workingMinutes"/> of working time has elapsed after <paramref name="startUtc"/>.</summary>
    public static DateTime AddWorkingMinutes(BusinessCalendarCatalog calendars, DateTime startUtc, int workingMinutes, string? calendarName)
    {
        if (calendars is null)
        {
            throw new ArgumentNullException(nameof(calendars));
        }

        if (startUtc == default)
        {
            throw new DomainException("sla.start-missing", "请提供开始时间 / A start time is required.");
        }

        if (workingMinutes < 0 || workingMinutes > MaxMinutes)
        {
            throw new DomainException(
                "sla.minutes-out-of-range",
                $"工作分钟数必须在 0 到 {MaxMinutes} 之间:{workingMinutes} / Working minutes must be between 0 and {MaxMinutes}: {workingMinutes}.");
        }

        var calendar = calendars.Get(string.IsNullOrWhiteSpace(calendarName) ? BuiltInCalendars.ChinaWorkdaysName : calendarName!);

        // Dataverse hands date-time values to plug-ins in UTC; Unspecified is treated as UTC for the same reason.
        var start = new DateTimeOffset(DateTime.SpecifyKind(startUtc.Kind == DateTimeKind.Local ? startUtc.ToUniversalTime() : startUtc, DateTimeKind.Utc));
        return calendar.AddWorkingTime(start, TimeSpan.FromMinutes(workingMinutes)).UtcDateTime;
    }
}
