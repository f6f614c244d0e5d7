using System.Collections.Generic;

namespace PropertyCrm.Domain.Calendars;

/// <summary>
/// A public holiday as the State Council notice states it: a name and a closed range of whole days off
/// (<see cref="From"/> and <see cref="To"/> both included, as in "2月15日至23日放假"). The calendar does no
/// work at all on these days, whatever the weekday.
/// </summary>
public sealed class PublicHoliday
{
    /// <summary>Longer than any real Chinese holiday (the longest is 9 days); catches a mistyped month.</summary>
    public const int MaxDays = 31;

    public PublicHoliday(string name, CalendarDate from, CalendarDate to)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException(
                CalendarErrorCodes.InvalidSchedule,
                $"节假日名称不能为空({from}) / Holiday name must not be empty ({from}).");
        }

        if (to < from || from.DaysUntil(to) >= MaxDays)
        {
            throw new DomainException(
                CalendarErrorCodes.InvalidSchedule,
                $"节假日 '{name}' 的日期范围无效:{from} 至 {to}(须 from ≤ to 且不超过 {MaxDays} 天) / "
                + $"Holiday '{name}' has an invalid range {from}..{to} (need from <= to and at most {MaxDays} days).");
        }

        Name = name;
        From = from;
        To = to;
    }

    public string Name { get; }

    /// <summary>First day off.</summary>
    public CalendarDate From { get; }

    /// <summary>Last day off (inclusive).</summary>
    public CalendarDate To { get; }

    public IEnumerable<CalendarDate> Days()
    {
        for (var day = From; day <= To; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
