using System;
using PropertyCrm.Domain.Calendars;

namespace PropertyCrm.Domain.Loyalty;

/// <summary>
/// A calendar date as an owner in China reads it: the date on the wall clock at UTC+08:00 (China Standard
/// Time, no daylight saving). Bill due dates, move-in dates, birthdays and points expiry dates are all of
/// this kind.
/// </summary>
/// <remarks>
/// A <see cref="CalendarDate"/> (the project's one date type: a day number, no time of day, no
/// <see cref="DateTimeKind"/>) that also knows its offset. Instants (payment times, "now") become dates only
/// through <see cref="FromInstant"/>, which is the single place the +08:00 assumption lives: a payment at
/// 2026-03-31T17:00Z is a 2026-04-01 payment, because that is the day the owner paid.
/// </remarks>
public readonly struct ChinaDate : IEquatable<ChinaDate>, IComparable<ChinaDate>
{
    /// <summary>China Standard Time. China has not observed daylight saving since 1991.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    private readonly CalendarDate date;

    private ChinaDate(CalendarDate date)
    {
        this.date = date;
    }

    /// <summary>Creates a date; throws <see cref="ArgumentOutOfRangeException"/> for a day that does not exist.</summary>
    public ChinaDate(int year, int month, int day)
        : this(new CalendarDate(year, month, day))
    {
    }

    public int Year => this.date.Year;

    public int Month => this.date.Month;

    public int Day => this.date.Day;

    /// <summary>The calendar month this date falls in.</summary>
    public YearMonth YearMonth => new YearMonth(Year, Month);

    /// <summary>The instant this date begins in China: 00:00 at +08:00.</summary>
    public DateTimeOffset StartInstant => new DateTimeOffset(this.date.ToDateTime(), Offset);

    /// <summary>
    /// The first instant after this date ends in China (00:00 +08:00 of the next day). Use it as an
    /// exclusive bound: something valid "until the end of this date" is valid while <c>instant &lt; EndInstant</c>.
    /// </summary>
    public DateTimeOffset EndInstant => AddDays(1).StartInstant;

    /// <summary>The China date on which <paramref name="instant"/> falls, whatever offset it was recorded with.</summary>
    public static ChinaDate FromInstant(DateTimeOffset instant) => new ChinaDate(CalendarDate.FromDateTime(instant.ToOffset(Offset).DateTime));

    /// <summary>Parses exactly <c>yyyy-MM-dd</c>; anything else is a <see cref="FormatException"/>.</summary>
    public static ChinaDate Parse(string text) => new ChinaDate(CalendarDate.ParseIso(text));

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> past 0001-01-01 or 9999-12-31.</summary>
    public ChinaDate AddDays(int days) => new ChinaDate(this.date.AddDays(days));

    /// <summary>
    /// Calendar months later (or earlier). A day that does not exist in the target month becomes that month's
    /// last day: 2026-01-31 plus one month is 2026-02-28.
    /// </summary>
    public ChinaDate AddMonths(int months) => new ChinaDate(CalendarDate.FromDateTime(this.date.ToDateTime().AddMonths(months)));

    /// <summary>Calendar years later (or earlier); 29 February becomes 28 February in a common year.</summary>
    public ChinaDate AddYears(int years) => new ChinaDate(CalendarDate.FromDateTime(this.date.ToDateTime().AddYears(years)));

    /// <summary>Whole days from this date to <paramref name="other"/> (negative when other is earlier).</summary>
    public int DaysUntil(ChinaDate other) => this.date.DaysUntil(other.date);

    public static ChinaDate Max(ChinaDate left, ChinaDate right) => left >= right ? left : right;

    public static ChinaDate Min(ChinaDate left, ChinaDate right) => left <= right ? left : right;

    public bool Equals(ChinaDate other) => this.date == other.date;

    public override bool Equals(object? obj) => obj is ChinaDate other && Equals(other);

    public override int GetHashCode() => this.date.GetHashCode();

    public int CompareTo(ChinaDate other) => this.date.CompareTo(other.date);

    public override string ToString() => this.date.ToString();

    public static bool operator ==(ChinaDate left, ChinaDate right) => left.date == right.date;

    public static bool operator !=(ChinaDate left, ChinaDate right) => left.date != right.date;

    public static bool operator <(ChinaDate left, ChinaDate right) => left.date < right.date;

    public static bool operator >(ChinaDate left, ChinaDate right) => left.date > right.date;

    public static bool operator <=(ChinaDate left, ChinaDate right) => left.date <= right.date;

    public static bool operator >=(ChinaDate left, ChinaDate right) => left.date >= right.date;
}
