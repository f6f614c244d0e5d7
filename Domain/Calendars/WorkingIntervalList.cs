using System;
using System.Collections.Generic;
using System.Linq;

namespace PropertyCrm.Domain.Calendars;

/// <summary>
/// Turns the working intervals admins list for one day into the sorted, non-overlapping array the
/// calendar walk relies on. Overlaps are refused rather than merged: "09:00-18:00" next to "12:00-14:00" is
/// almost certainly a typo, and guessing would change SLA deadlines without anyone noticing.
/// </summary>
internal static class WorkingIntervalList
{
    public static WorkingInterval[] Normalize(IEnumerable<WorkingInterval> intervals, string dayLabel)
    {
        Guard.NotNull(intervals, nameof(intervals));

        var sorted = intervals.OrderBy(i => i.Start).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Start < sorted[i - 1].End)
            {
                throw new DomainException(
                    CalendarErrorCodes.InvalidInterval,
                    $"{dayLabel} 的工作时段重叠:{sorted[i - 1]} 与 {sorted[i]} / "
                    + $"Working intervals overlap on {dayLabel}: {sorted[i - 1]} and {sorted[i]}.");
            }
        }

        return sorted;
    }

    public static TimeSpan Total(IReadOnlyList<WorkingInterval> intervals)
    {
        var total = TimeSpan.Zero;
        foreach (var interval in intervals)
        {
            total += interval.Length;
        }

        return total;
    }
}
