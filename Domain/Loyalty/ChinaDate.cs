using System;
using System.Globalization;

namespace PropertyCrm.Domain.Loyalty;

/// <summary>
/// A calendar date as an owner in China reads it: the date on the wall clock at UTC+08:00 (China Standard
/// Time, no daylight saving). Bill due dates, move-in dates, birthdays and points expiry dates are all of
/// this kind.
/// </summary>
/// <remarks>
/// .NET Framework 4.6.2 (the plug-in runtime) has no <c>DateOnly</c>, and a <see cref="DateTime"/> would let
/// a time of day or a <see cref="DateTimeKind"/> leak into date rules, so the date is a day number counted
/// from 0001-01-01. Instants (payment times, "now") become dates only through <see cref="FromInstant"/>,
/// which is the single place the +08:00 assumption lives: a payment at 2026-03-31T17:00Z is a 2026-04-01
/// payment, because that is the day the owner paid.
/// </remarks>
public readonly struct ChinaDate : IEquatable<ChinaDate>, IComparable<ChinaDate>
{
    /// <summary>China Standard Time. China has not observed daylight saving since 1991.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    private static readonly int MaxDayNumber = (int)(DateTime.MaxValue.Ticks / TimeSpan.TicksPerDay);

    private readonly int _dayNumber;

    private ChinaDate(int dayNumber)
    {
        _dayNumber = dayNumber;
    }

    /// <summary>Creates a date; throws <see cref="ArgumentOutOfRangeException"/> for a day that does not exist.</summary>
    public ChinaDate(int year, int month, int day)
        : this(ToDayNumber(new DateTime(year, month, day)))
    {
    }

    public int Year => ToDateTime().Year;

    public int Month => ToDateTime().Month;

    public int Day => ToDateTime().Day;

    /// <summary>The calendar month this date falls in.</summary>
    public YearMonth YearMonth => new YearMonth(Year, Month);

    /// <summary>The instant this date begins in China: 00:00 at +08:00.</summary>
    public DateTimeOffset StartInstant => new DateTimeOffset(ToDateTime(), Offset);

    /// <summary>
    /// The first instant after this date ends in China (00:00 +08:00 of the next day). Use it as an
    /// exclusive bound: something valid "until the end of this date" is valid while <c>instant &lt; EndInstant</c>.
    /// </summary>
    public DateTimeOffset EndInstant => AddDays(1).StartInstant;

    /// <summary>The China date on which <paramref name="instant"/> falls, whatever offset it was recorded with.</summary>
    public static ChinaDate FromInstant(DateTimeOffset instant) => new ChinaDate(ToDayNumber(instant.ToOffset(Offset).DateTime));

    /// <summary>Parses exactly <c>yyyy-MM-dd</c>; anything else is a <see cref="FormatException"/>.</summary>
    public static ChinaDate Parse(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (text.Length != 10
            || !DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            throw new FormatException($"'{text}' is not a date in the form yyyy-MM-dd.");
        }

        return new ChinaDate(ToDayNumber(parsed));
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> past 0001-01-01 or 9999-12-31.</summary>
    public ChinaDate AddDays(int days)
    {
        long result = (long)_dayNumber + days;
        if (result < 0 || result > MaxDayNumber)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "The resulting date is outside 0001-01-01..9999-12-31.");
        }

        return new ChinaDate((int)result);
    }

    /// <summary>
    /// Calendar months later (or earlier). A day that does not exist in the target month becomes that month's
    /// last day: 2026-01-31 plus one month is 2026-02-28.
    /// </summary>
    public ChinaDate AddMonths(int months) => new ChinaDate(ToDayNumber(ToDateTime().AddMonths(months)));

    /// <summary>Calendar years later (or earlier); 29 February becomes 28 February in a common year.</summary>
    public ChinaDate AddYears(int years) => new ChinaDate(ToDayNumber(ToDateTime().AddYears(years)));

    /// <summary>Whole days from this date to <paramref name="other"/> (negative when other is earlier).</summary>
    public int DaysUntil(ChinaDate other) => other._dayNumber - _dayNumber;

    public static ChinaDate Max(ChinaDate left, ChinaDate right) => left >= right ? left : right;

    public static ChinaDate Min(ChinaDate left, ChinaDate right) => left <= right ? left : right;

    public bool Equals(ChinaDate other) => _dayNumber == other._dayNumber;

    public override bool Equals(object? obj) => obj is ChinaDate other && Equals(other);

    public override int GetHashCode() => _dayNumber;

    public int CompareTo(ChinaDate other) => _dayNumber.CompareTo(other._dayNumber);

    public override string ToString() => ToDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool operator ==(ChinaDate left, ChinaDate right) => left.Equals(right);

    public static bool operator !=(ChinaDate left, ChinaDate right) => !left.Equals(right);

    public static bool operator <(ChinaDate left, ChinaDate right) => left._dayNumber < right._dayNumber;

    public static bool operator >(ChinaDate left, ChinaDate right) => left._dayNumber > right._dayNumber;

    public static bool operator <=(ChinaDate left, ChinaDate right) => left._dayNumber <= right._dayNumber;

    public static bool operator >=(ChinaDate left, ChinaDate right) => left._dayNumber >= right._dayNumber;

    private DateTime ToDateTime() => new DateTime(_dayNumber * TimeSpan.TicksPerDay, DateTimeKind.Unspecified);

    private static int ToDayNumber(DateTime value) => (int)(value.Ticks / TimeSpan.TicksPerDay);
}
