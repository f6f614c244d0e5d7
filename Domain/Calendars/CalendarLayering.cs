using System;
using System.Collections.Generic;
using System.Linq;

namespace PropertyCrm.Domain.Calendars;

/// <summary>
/// Adds admin-maintained calendars (Dataverse <c>pcrm_businesscalendar</c> rows, in the
/// <see cref="Serialization.CalendarJson"/> format) to the built-in ones.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A calendar with a new name is added as it is (a property's own hours, a mall open 7 days…).</item>
/// <item>A calendar named like a built-in one (<c>cn-workdays</c>, <c>24x7</c>) <b>adds or replaces years</b> of it: each
/// yearly schedule it lists replaces the built-in schedule of that year, or adds the year. This is how next year's
/// State Council notice is entered without a release. Its week, UTC offset, holiday flag and make-up day hours must
/// be exactly the built-in's: changing the hours of a built-in calendar would move every default SLA at once, so
/// that is refused; a calendar with other hours needs its own name.</item>
/// </list>
/// </remarks>
public static class CalendarLayering
{
    /// <summary>The catalog of <paramref name="builtIns"/> with <paramref name="adminCalendars"/> layered on.</summary>
    /// <exception cref="DomainException">Two admin calendars share a name, or an extension of a built-in changes its hours.</exception>
    public static BusinessCalendarCatalog Compose(BusinessCalendarCatalog builtIns, IEnumerable<BusinessCalendar> adminCalendars)
    {
        Guard.NotNull(builtIns, nameof(builtIns));
        Guard.NotNull(adminCalendars, nameof(adminCalendars));

        var catalog = builtIns;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var calendar in adminCalendars)
        {
            if (!seen.Add(calendar.Name))
            {
                throw new DomainException(
                    CalendarErrorCodes.InvalidCalendar,
                    $"工作日历名称重复:'{calendar.Name}' / Duplicate business calendar name '{calendar.Name}'.");
            }

            catalog = catalog.With(builtIns.TryGet(calendar.Name, out var builtIn) ? Extend(builtIn, calendar) : calendar);
        }

        return catalog;
    }

    /// <summary>
    /// <paramref name="builtIn"/> with the yearly schedules of <paramref name="extension"/> added, each replacing the
    /// built-in schedule of the same year (<see cref="BusinessCalendar.WithSchedules"/>, once the extension is shown to
    /// change nothing else).
    /// </summary>
    /// <exception cref="DomainException"><see cref="CalendarErrorCodes.InvalidCalendar"/> when the extension changes anything but years.</exception>
    public static BusinessCalendar Extend(BusinessCalendar builtIn, BusinessCalendar extension)
    {
        Guard.NotNull(builtIn, nameof(builtIn));
        Guard.NotNull(extension, nameof(extension));

        var difference = DifferenceBesidesYears(builtIn, extension);
        if (difference is not null)
        {
            throw new DomainException(
                CalendarErrorCodes.InvalidCalendar,
                $"日历 '{extension.Name}' 与内置日历同名,只能增加或替换年度节假日安排,不能修改{difference.Chinese};如需其他工作时间,请使用新的日历名称 / "
                + $"Calendar '{extension.Name}' has a built-in calendar's name: it may only add or replace yearly holiday schedules, not change the {difference.English}; "
                + "use a new calendar name for other working hours.");
        }

        return builtIn.WithSchedules(extension.Schedules);
    }

    /// <summary>Null when the two calendars differ at most in their yearly schedules; else what differs.</summary>
    private static BilingualText? DifferenceBesidesYears(BusinessCalendar builtIn, BusinessCalendar extension)
    {
        if (builtIn.UtcOffset != extension.UtcOffset)
        {
            return new BilingualText("UTC 偏移", "UTC offset");
        }

        if (builtIn.ObservesPublicHolidays != extension.ObservesPublicHolidays)
        {
            return new BilingualText("是否执行法定节假日", "public-holiday flag");
        }

        foreach (var day in WeeklyHours.AllDays())
        {
            if (!builtIn.WeeklyHours.For(day).SequenceEqual(extension.WeeklyHours.For(day)))
            {
                return new BilingualText("每周工作时段", "weekly hours");
            }
        }

        // Leaving "makeUpDayHours" out is fine: the built-in's apply to the make-up days the extension lists.
        var builtInMakeUp = builtIn.MakeUpDayHours ?? Array.Empty<WorkingInterval>();
        return extension.MakeUpDayHours is null || builtInMakeUp.SequenceEqual(extension.MakeUpDayHours)
            ? null
            : new BilingualText("调休日工作时段", "make-up day hours");
    }
}
