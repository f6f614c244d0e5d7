using System;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Plugins.Mapping;

namespace PropertyCrm.Plugins.Logic;

/// <summary>
/// Deadline arithmetic for callers that speak Dataverse's types (UTC DateTime, whole minutes), on a given calendar
/// catalog; <see cref="WorkingTimeService"/> brings the organization's catalog.
/// </summary>
public static class WorkingTimeLogic
{
    /// <summary>Upper bound on a single request: ten years of round-the-clock minutes.</summary>
    public const int MaxMinutes = 10 * 366 * 24 * 60;

    /// <summary>The UTC instant at which <paramref name="workingMinutes"/> of working time has elapsed after <paramref name="startUtc"/>.</summary>
    public static DateTime AddWorkingMinutes(BusinessCalendarCatalog calendars, DateTime startUtc, int workingMinutes, string? calendarName)
    {
        Guard.NotNull(calendars, nameof(calendars));

        Validate(startUtc, workingMinutes);
        var calendar = calendars.Get(string.IsNullOrWhiteSpace(calendarName) ? BuiltInCalendars.ChinaWorkdaysName : calendarName!);

        var start = DataverseTime.FromInput(startUtc);
        return calendar.AddWorkingTime(start, TimeSpan.FromMinutes(workingMinutes)).UtcDateTime;
    }

    /// <summary>Refuses a missing start and minutes outside 0..<see cref="MaxMinutes"/>, with bilingual messages.</summary>
    /// <exception cref="DomainException"><c>sla.start-missing</c>, <c>sla.minutes-out-of-range</c>.</exception>
    public static void Validate(DateTime startUtc, int workingMinutes)
    {
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
    }
}
