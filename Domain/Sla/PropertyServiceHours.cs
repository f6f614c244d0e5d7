using System;
using System.Collections.Generic;
using System.Linq;
using PropertyCrm.Domain.Calendars;

namespace PropertyCrm.Domain.Sla;

/// <summary>
/// "Service hours" are the property's: a target on <see cref="BuiltInCalendars.ServiceHoursName"/> runs on the
/// calendar the property names (<c>pcrm_property.pcrm_businesscalendarcode</c>), and on the built-in
/// <c>service-hours</c> (every day 08:00-20:00) when the property names none.
/// </summary>
/// <remarks>
/// The chosen calendar's name is what the request stores, so its deadlines never move when the property's calendar
/// is changed later. A property naming a calendar that does not exist keeps the built-in <c>service-hours</c> (an
/// admin's typo must not stop requests from being logged); <see cref="IsUnknown"/> lets the caller trace it.
/// </remarks>
public static class PropertyServiceHours
{
    /// <summary>The calendar name the property's service hours run on.</summary>
    public static string CalendarFor(string? propertyCalendar, BusinessCalendarCatalog calendars)
    {
        Guard.NotNull(calendars, nameof(calendars));

        return string.IsNullOrWhiteSpace(propertyCalendar) || IsUnknown(propertyCalendar, calendars)
            ? BuiltInCalendars.ServiceHoursName
            : calendars.Get(propertyCalendar!).Name;
    }

    /// <summary>True when the property names a calendar the catalog does not hold.</summary>
    public static bool IsUnknown(string? propertyCalendar, BusinessCalendarCatalog calendars)
    {
        Guard.NotNull(calendars, nameof(calendars));

        return !string.IsNullOrWhiteSpace(propertyCalendar) && !calendars.TryGet(propertyCalendar!, out _);
    }

    /// <summary><paramref name="targets"/> with every target on <c>service-hours</c> moved to the property's calendar.</summary>
    public static IReadOnlyList<SlaPolicyMatch> Apply(IReadOnlyList<SlaPolicyMatch> targets, string? propertyCalendar, BusinessCalendarCatalog calendars)
    {
        Guard.NotNull(targets, nameof(targets));

        var calendar = CalendarFor(propertyCalendar, calendars);
        if (string.Equals(calendar, BuiltInCalendars.ServiceHoursName, StringComparison.OrdinalIgnoreCase))
        {
            return targets;
        }

        return targets.Select(m => IsServiceHours(m.Target)
                ? new SlaPolicyMatch(new SlaTarget(m.Kpi, m.Target.Duration, calendar, m.Target.WarningPercent, m.Target.Ladder), m.Policy)
                : m)
            .ToArray();
    }

    private static bool IsServiceHours(SlaTarget target) =>
        string.Equals(target.CalendarName, BuiltInCalendars.ServiceHoursName, StringComparison.OrdinalIgnoreCase);
}
