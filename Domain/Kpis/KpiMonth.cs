using System;
using System.Globalization;

namespace PropertyCrm.Domain.Kpis;

/// <summary>
/// A KPI period: one calendar month in China time (UTC+8, no daylight saving), from 00:00 on the 1st to 00:00 on the
/// next month's 1st. Requests, bills and answers belong to the month their instant falls in, seen from China.
/// </summary>
public sealed record KpiMonth(int Year, int Month)
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The month containing <paramref name="instant"/> in China time.</summary>
    public static KpiMonth Containing(DateTimeOffset instant)
    {
        var local = instant.ToOffset(ChinaOffset);
        return new KpiMonth(local.Year, local.Month);
    }

    /// <summary>Parses "yyyy-MM"; false for anything else.</summary>
    public static bool TryParse(string? text, out KpiMonth month)
    {
        month = new KpiMonth(1, 1);
        if (text is null || !DateTime.TryParseExact(text.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        month = new KpiMonth(parsed.Year, parsed.Month);
        return true;
    }

    /// <summary>00:00 China time on the 1st, as a UTC instant.</summary>
    public DateTime StartUtc => new DateTimeOffset(Year, Month, 1, 0, 0, 0, ChinaOffset).UtcDateTime;

    /// <summary>00:00 China time on the next month's 1st, as a UTC instant (exclusive end).</summary>
    public DateTime EndUtc => Next().StartUtc;

    /// <summary>The 1st of the month as a date (no time zone): bill periods and the snapshot's period start.</summary>
    public DateTime FirstDay => new(Year, Month, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>The first day of January of the month's year (year to date).</summary>
    public DateTime YearFirstDay => new(Year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public KpiMonth Next() => Month == 12 ? new KpiMonth(Year + 1, 1) : new KpiMonth(Year, Month + 1);

    public KpiMonth Previous() => Month == 1 ? new KpiMonth(Year - 1, 12) : new KpiMonth(Year, Month - 1);

    /// <summary>"yyyy-MM".</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0:0000}-{1:00}", Year, Month);
}
