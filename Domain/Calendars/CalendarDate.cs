using System;
using System.Globalization;

namespace PropertyCrm.Domain.Calendars;

/// <summary>
/// A date without a time of day or offset, as printed on a holiday notice ("2026-02-15").
/// </summary>
/// <remarks>
/// .NET Framework 4.6.2 has no <c>DateOnly</c>, and a <see cref="DateTime"/> would invite a stray time of day
/// or <see cref="DateTimeKind"/> into holiday arithmetic, so dates are their own type: a day number counted
/// from 0001-01-01 in the proleptic Gregorian calendar. Comparisons and <see cref="AddDays"/> are integer
/// operations, which keeps the day-by-day walk of <see cref="BusinessCalendar"/> cheap.
/// </remarks>
public readonly struct CalendarDate : IEquatable<CalendarDate>, IComparable<CalendarDate>
{
    private static readonly int MaxDayNumber = (int)(DateTime.MaxValue.Ticks / TimeSpan.TicksPerDay);

    private readonly int dayNumber;

    private CalendarDate(int dayNumber)
    {
        this.dayNumber = dayNumber;
    }

    /// <summary>Creates a date; throws <see cref="ArgumentOutOfRangeException"/> for a day that does not exist.</summary>
    public CalendarDate(int year, int month, int day)
        : this((int)(new DateTime(year, month, day).Ticks / TimeSpan.TicksPerDay))
    {
    }

    public int Year => ToDateTime().Year;

    public int Month => ToDateTime().Month;

    public int Day => ToDateTime().Day;

    /// <summary>Day 0 (0001-01-01) was a Monday; the modulo keeps this free of a <see cref="DateTime"/>.</summary>
    public DayOfWeek DayOfWeek => (DayOfWeek)((this.dayNumber + 1) % 7);

    /// <summary>The date of <paramref name="value"/>'s own clock reading, whatever its offset.</summary>
    public static CalendarDate FromDateTime(DateTime value) => new CalendarDate((int)(value.Ticks / TimeSpan.TicksPerDay));

    /// <summary>Parses exactly <c>yyyy-MM-dd</c>; anything else is a <see cref="FormatException"/>.</summary>
    public static CalendarDate ParseIso(string text)
    {
        Guard.NotNull(text, nameof(text));

        if (!TryParseIso(text, out var date))
        {
            throw new FormatException($"'{text}' is not a date in the form yyyy-MM-dd.");
        }

        return date;
    }

    public static bool TryParseIso(string? text, out CalendarDate date)
    {
        if (text is not null
            && text.Length == 10
            && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = FromDateTime(parsed);
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> past 0001-01-01 or 9999-12-31.</summary>
    public CalendarDate AddDays(int days)
    {
        long result = (long)this.dayNumber + days;
        if (result < 0 || result > MaxDayNumber)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "The resulting date is outside 0001-01-01..9999-12-31.");
        }

        return new CalendarDate((int)result);
    }

    /// <summary>Whole days from this date to <paramref name="other"/> (negative when other is earlier).</summary>
    public int DaysUntil(CalendarDate other) => other.dayNumber - this.dayNumber;

    /// <summary>Midnight at the start of this date, <see cref="DateTimeKind.Unspecified"/>.</summary>
    public DateTime ToDateTime() => new DateTime(this.dayNumber * TimeSpan.TicksPerDay, DateTimeKind.Unspecified);

    public bool Equals(CalendarDate other) => this.dayNumber == other.dayNumber;

    public override bool Equals(object? obj) => obj is CalendarDate other && Equals(other);

    public override int GetHashCode() => this.dayNumber;

    public int CompareTo(CalendarDate other) => this.dayNumber.CompareTo(other.dayNumber);

    public override string ToString() => ToDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool operator ==(CalendarDate left, CalendarDate right) => left.Equals(right);

    public static bool operator !=(CalendarDate left, CalendarDate right) => !left.Equals(right);

    public static bool operator <(CalendarDate left, CalendarDate right) => left.dayNumber < right.dayNumber;

    public static bool operator >(CalendarDate left, CalendarDate right) => left.dayNumber > right.dayNumber;

    public static bool operator <=(CalendarDate left, CalendarDate right) => left.dayNumber <= right.dayNumber;

    public static bool operator >=(CalendarDate left, CalendarDate right) => left.dayNumber >= right.dayNumber;
}
