using System;
using System.Globalization;

namespace PropertyCrm.Domain.Calendars;

/// <summary>
/// Working hours within one day: the half-open interval [<see cref="Start"/>, <see cref="End"/>) measured from
/// local midnight, e.g. 09:00–18:00. <see cref="End"/> may be 24:00 so a day can be worked to its very end
/// (the 24×7 calendar is 00:00–24:00 every day, and consecutive days then join without a gap).
/// </summary>
public readonly struct WorkingInterval : IEquatable<WorkingInterval>
{
    public WorkingInterval(TimeSpan start, TimeSpan end)
    {
        if (start < TimeSpan.Zero || end > TimeSpan.FromDays(1) || start >= end)
        {
            throw new DomainException(
                CalendarErrorCodes.InvalidInterval,
                $"工作时段无效:{Format(start)}-{Format(end)},须满足 00:00 ≤ 开始 < 结束 ≤ 24:00 / "
                + $"Invalid working interval {Format(start)}-{Format(end)}: need 00:00 <= start < end <= 24:00.");
        }

        Start = start;
        End = end;
    }

    /// <summary>Inclusive start, from local midnight.</summary>
    public TimeSpan Start { get; }

    /// <summary>Exclusive end, from local midnight; at most one day.</summary>
    public TimeSpan End { get; }

    public TimeSpan Length => End - Start;

    /// <summary>
    /// Parses "HH:mm-HH:mm" (24-hour clock, end may be "24:00"), the form admins type and calendar JSON uses.
    /// </summary>
    public static WorkingInterval Parse(string text)
    {
        Guard.NotNull(text, nameof(text));

        var parts = text.Split('-');
        if (parts.Length != 2 || !TryParseClock(parts[0].Trim(), out var start) || !TryParseClock(parts[1].Trim(), out var end))
        {
            throw new DomainException(
                CalendarErrorCodes.InvalidInterval,
                $"工作时段格式错误:'{text}',应为 HH:mm-HH:mm,例如 09:00-18:00 / "
                + $"Malformed working interval '{text}': expected HH:mm-HH:mm, e.g. 09:00-18:00.");
        }

        return new WorkingInterval(start, end);
    }

    public bool Equals(WorkingInterval other) => Start == other.Start && End == other.End;

    public override bool Equals(object? obj) => obj is WorkingInterval other && Equals(other);

    public override int GetHashCode() => (Start.GetHashCode() * 397) ^ End.GetHashCode();

    public override string ToString() => $"{Format(Start)}-{Format(End)}";

    public static bool operator ==(WorkingInterval left, WorkingInterval right) => left.Equals(right);

    public static bool operator !=(WorkingInterval left, WorkingInterval right) => !left.Equals(right);

    // TimeSpan's own "hh\:mm" cannot show 24:00, which is a legal end.
    private static string Format(TimeSpan value) =>
        string.Format(CultureInfo.InvariantCulture, "{0:00}:{1:00}", (int)value.TotalHours, value.Minutes);

    private static bool TryParseClock(string text, out TimeSpan value)
    {
        value = default;
        if (text.Length != 5 || text[2] != ':'
            || !int.TryParse(text.Substring(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.Substring(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || minutes > 59 || hours > 24 || (hours == 24 && minutes != 0))
        {
            return false;
        }

        value = new TimeSpan(hours, minutes, 0);
        return true;
    }
}
