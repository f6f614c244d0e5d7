using System;
using System.Collections.Generic;
using System.Linq;

namespace PropertyCrm.Domain.Calendars;

/// <summary>
/// One year's official holiday arrangement (节假日安排): the days off and the make-up working days, exactly as
/// one State Council notice publishes them. It is the unit admins maintain: when next year's notice comes
/// out (usually in November), they add one schedule and the calendar covers that year.
/// </summary>
/// <remarks>
/// Dates may reach into the neighbouring December or January (a New Year holiday can start on 30 December),
/// but no further, so a mistyped year is caught here rather than becoming a silent day off.
/// </remarks>
public sealed class HolidaySchedule
{
    public HolidaySchedule(int year, IEnumerable<PublicHoliday> holidays, IEnumerable<MakeUpWorkday> workdays, string? source = null)
    {
        Guard.NotNull(holidays, nameof(holidays));
        Guard.NotNull(workdays, nameof(workdays));

        if (year < 2 || year > 9998)
        {
            throw Invalid(year, "年份超出范围", "year out of range");
        }

        Year = year;
        Holidays = Array.AsReadOnly(holidays.OrderBy(h => h.From).ToArray());
        Workdays = Array.AsReadOnly(workdays.OrderBy(w => w.Date).ToArray());
        Source = source;

        var earliest = new CalendarDate(year - 1, 12, 1);
        var latest = new CalendarDate(year + 1, 1, 31);
        var daysOff = new Dictionary<CalendarDate, string>();
        foreach (var holiday in Holidays)
        {
            foreach (var day in holiday.Days())
            {
                if (day < earliest || day > latest)
                {
                    throw Invalid(year, $"节假日 '{holiday.Name}' 的日期 {day} 不在该年度内", $"holiday '{holiday.Name}' date {day} is outside the year");
                }

                if (daysOff.TryGetValue(day, out var other))
                {
                    throw Invalid(year, $"{day} 同时属于 '{other}' 和 '{holiday.Name}'", $"{day} belongs to both '{other}' and '{holiday.Name}'");
                }

                daysOff.Add(day, holiday.Name);
            }
        }

        var seen = new HashSet<CalendarDate>();
        foreach (var workday in Workdays)
        {
            if (workday.Date < earliest || workday.Date > latest)
            {
                throw Invalid(year, $"调休上班日 {workday.Date} 不在该年度内", $"make-up working day {workday.Date} is outside the year");
            }

            if (!seen.Add(workday.Date))
            {
                throw Invalid(year, $"调休上班日 {workday.Date} 重复", $"make-up working day {workday.Date} is listed twice");
            }

            if (daysOff.TryGetValue(workday.Date, out var holidayName))
            {
                throw Invalid(year, $"{workday.Date} 既是 '{holidayName}' 假日又是调休上班日", $"{workday.Date} is both a day off ('{holidayName}') and a make-up working day");
            }
        }
    }

    public int Year { get; }

    /// <summary>Sorted by first day.</summary>
    public IReadOnlyList<PublicHoliday> Holidays { get; }

    /// <summary>Sorted by date.</summary>
    public IReadOnlyList<MakeUpWorkday> Workdays { get; }

    /// <summary>Where the dates come from, e.g. the notice's title and number; shown to admins, never parsed.</summary>
    public string? Source { get; }

    private static DomainException Invalid(int year, string chinese, string english) =>
        new DomainException(
            CalendarErrorCodes.InvalidSchedule,
            $"{year} 年节假日安排无效:{chinese} / Invalid {year} holiday schedule: {english}.");
}
