using System;
using System.Globalization;

namespace PropertyCrm.Domain.Loyalty;

/// <summary>
/// A calendar month in China time ("2026-03"): a bill's period, the month a points cap counts in, the month
/// a report asks "what expires then". Stored as a month index so consecutive months differ by one.
/// </summary>
public readonly struct YearMonth : IEquatable<YearMonth>, IComparable<YearMonth>
{
    private readonly int index;

    private YearMonth(int index)
    {
        this.index = index;
    }

    /// <summary>Creates a month; throws <see cref="ArgumentOutOfRangeException"/> outside 0001-01..9999-12.</summary>
    public YearMonth(int year, int month)
    {
        if (year < 1 || year > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The year must be 1..9999.");
        }

        if (month < 1 || month > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "The month must be 1..12.");
        }

        this.index = (year * 12) + (month - 1);
    }

    public int Year => this.index / 12;

    public int Month => (this.index % 12) + 1;

    public ChinaDate FirstDay => new ChinaDate(Year, Month, 1);

    public ChinaDate LastDay => FirstDay.AddMonths(1).AddDays(-1);

    /// <summary>Parses exactly <c>yyyy-MM</c>; anything else is a <see cref="FormatException"/>.</summary>
    public static YearMonth Parse(string text)
    {
        Guard.NotNull(text, nameof(text));

        if (text.Length != 7
            || !DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            throw new FormatException($"'{text}' is not a month in the form yyyy-MM.");
        }

        return new YearMonth(parsed.Year, parsed.Month);
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> past 0001-01 or 9999-12.</summary>
    public YearMonth AddMonths(int months)
    {
        long result = (long)this.index + months;
        if (result < 12 || result > (9999 * 12) + 11)
        {
            throw new ArgumentOutOfRangeException(nameof(months), months, "The resulting month is outside 0001-01..9999-12.");
        }

        return new YearMonth((int)result);
    }

    /// <summary>Months from this month to <paramref name="other"/>: 2026-01 to 2026-03 is 2.</summary>
    public int MonthsUntil(YearMonth other) => other.index - this.index;

    public bool Contains(ChinaDate date) => date.YearMonth == this;

    public bool Equals(YearMonth other) => this.index == other.index;

    public override bool Equals(object? obj) => obj is YearMonth other && Equals(other);

    public override int GetHashCode() => this.index;

    public int CompareTo(YearMonth other) => this.index.CompareTo(other.index);

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0:D4}-{1:D2}", Year, Month);

    public static bool operator ==(YearMonth left, YearMonth right) => left.Equals(right);

    public static bool operator !=(YearMonth left, YearMonth right) => !left.Equals(right);

    public static bool operator <(YearMonth left, YearMonth right) => left.index < right.index;

    public static bool operator >(YearMonth left, YearMonth right) => left.index > right.index;

    public static bool operator <=(YearMonth left, YearMonth right) => left.index <= right.index;

    public static bool operator >=(YearMonth left, YearMonth right) => left.index >= right.index;
}
