using System;
using PropertyCrm.Domain.Calendars.Serialization;

namespace PropertyCrm.Domain.Calendars;

/// <summary>
/// The calendars every installation has with zero configuration: <see cref="TwentyFourSeven"/> for emergencies and
/// the first response, <see cref="ServiceHours"/> for on-site work and repairs (unless the property names its own
/// calendar) and <see cref="ChinaWorkdays"/> for targets stated in working days. Parsed once, on first use, from <see cref="BuiltInCalendarData"/>.
/// </summary>
public static class BuiltInCalendars
{
    public const string TwentyFourSevenName = "24x7";
    public const string ChinaWorkdaysName = "cn-workdays";
    public const string ServiceHoursName = "service-hours";

    private static readonly Lazy<BusinessCalendar> TwentyFourSevenCalendar =
        new Lazy<BusinessCalendar>(() => CalendarJson.ParseCalendar(BuiltInCalendarData.TwentyFourSeven));

    private static readonly Lazy<BusinessCalendar> ChinaWorkdaysCalendar =
        new Lazy<BusinessCalendar>(() => CalendarJson.ParseCalendar(BuiltInCalendarData.ChinaWorkdays));

    private static readonly Lazy<BusinessCalendar> ServiceHoursCalendar =
        new Lazy<BusinessCalendar>(() => CalendarJson.ParseCalendar(BuiltInCalendarData.ServiceHours));

    private static readonly Lazy<BusinessCalendarCatalog> CatalogInstance =
        new Lazy<BusinessCalendarCatalog>(() => new BusinessCalendarCatalog(new[] { TwentyFourSeven, ChinaWorkdays, ServiceHours }));

    /// <summary>"24x7": every day 00:00-24:00 at +08:00; covers every year.</summary>
    public static BusinessCalendar TwentyFourSeven => TwentyFourSevenCalendar.Value;

    /// <summary>"cn-workdays": Monday-Friday 09:00-18:00 at +08:00 with State Council holidays and 调休 for 2025-2026.</summary>
    public static BusinessCalendar ChinaWorkdays => ChinaWorkdaysCalendar.Value;

    /// <summary>"service-hours": every day 08:00-20:00 at +08:00, holidays included; covers every year.</summary>
    public static BusinessCalendar ServiceHours => ServiceHoursCalendar.Value;

    /// <summary>
    /// The JSON definition a built-in calendar is parsed from, in the admin format: the template an admin copies
    /// to make a property's own calendar or to add a year. Null for an unknown name.
    /// </summary>
    public static string? Definition(string name)
    {
        Guard.NotNull(name, nameof(name));

        return name.Trim().ToLowerInvariant() switch
        {
            TwentyFourSevenName => BuiltInCalendarData.TwentyFourSeven,
            ChinaWorkdaysName => BuiltInCalendarData.ChinaWorkdays,
            ServiceHoursName => BuiltInCalendarData.ServiceHours,
            _ => null,
        };
    }

    /// <summary>The built-in calendars by name.</summary>
    public static BusinessCalendarCatalog Catalog => CatalogInstance.Value;
}
