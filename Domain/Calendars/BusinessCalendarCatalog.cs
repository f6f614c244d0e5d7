using System;
using System.Collections.Generic;
using System.Linq;

namespace PropertyCrm.Domain.Calendars;

/// <summary>
/// Calendars by name, as SLA policies refer to them. Names match case-insensitively ("CN-Workdays" is
/// "cn-workdays") because admins type them. Immutable: <see cref="With"/> returns a new catalog, which is how
/// a property's own calendars are added to the built-in ones.
/// </summary>
public sealed class BusinessCalendarCatalog
{
    private readonly Dictionary<string, BusinessCalendar> byName;

    public BusinessCalendarCatalog(IEnumerable<BusinessCalendar> calendars)
    {
        Guard.NotNull(calendars, nameof(calendars));

        byName = new Dictionary<string, BusinessCalendar>(StringComparer.OrdinalIgnoreCase);
        foreach (var calendar in calendars)
        {
            if (byName.ContainsKey(calendar.Name))
            {
                throw new DomainException(
                    CalendarErrorCodes.InvalidCalendar,
                    $"工作日历名称重复:'{calendar.Name}' / Duplicate business calendar name '{calendar.Name}'.");
            }

            byName.Add(calendar.Name, calendar);
        }

        Calendars = Array.AsReadOnly(byName.Values.OrderBy(c => c.Name, StringComparer.Ordinal).ToArray());
    }

    /// <summary>Sorted by name.</summary>
    public IReadOnlyList<BusinessCalendar> Calendars { get; }

    public bool TryGet(string name, out BusinessCalendar calendar)
    {
        Guard.NotNull(name, nameof(name));

        if (byName.TryGetValue(name.Trim(), out var found))
        {
            calendar = found;
            return true;
        }

        calendar = null!;
        return false;
    }

    /// <exception cref="DomainException"><see cref="CalendarErrorCodes.UnknownCalendar"/>.</exception>
    public BusinessCalendar Get(string name)
    {
        if (TryGet(name, out var calendar))
        {
            return calendar;
        }

        var known = string.Join(", ", Calendars.Select(c => c.Name));
        throw new DomainException(
            CalendarErrorCodes.UnknownCalendar,
            $"未知的工作日历 '{name}'(可用:{known}) / Unknown business calendar '{name}' (available: {known}).");
    }

    /// <summary>A catalog with <paramref name="calendar"/> added, or replacing the one of the same name.</summary>
    public BusinessCalendarCatalog With(BusinessCalendar calendar)
    {
        Guard.NotNull(calendar, nameof(calendar));

        return new BusinessCalendarCatalog(
            Calendars.Where(c => !string.Equals(c.Name, calendar.Name, StringComparison.OrdinalIgnoreCase)).Concat(new[] { calendar }));
    }
}
