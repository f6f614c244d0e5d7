using System;
using System.Collections.Generic;

namespace PropertyCrm.Domain.Calendars;

/// <summary>
/// 调休: a day, usually a Saturday or Sunday, that is worked to make up for a holiday bridge, e.g.
/// 2026-02-14 (Saturday) before the Spring Festival. On that date the calendar works <see cref="Hours"/>
/// instead of its weekly pattern; when <see cref="Hours"/> is null, the calendar's own make-up-day hours apply
/// (for <c>cn-workdays</c> an ordinary 09:00-18:00 day), so the State Council data needs no hours at all.
/// </summary>
public sealed class MakeUpWorkday
{
    public MakeUpWorkday(CalendarDate date, string name, IEnumerable<WorkingInterval>? hours = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException(
                CalendarErrorCodes.InvalidSchedule,
                $"调休上班日名称不能为空({date}) / Make-up working day name must not be empty ({date}).");
        }

        Date = date;
        Name = name;
        if (hours is not null)
        {
            var normalized = WorkingIntervalList.Normalize(hours, date.ToString());
            if (normalized.Length == 0)
            {
                throw new DomainException(
                    CalendarErrorCodes.InvalidSchedule,
                    $"调休上班日 {date} 的工作时段为空;不上班的日子请不要列为调休 / "
                    + $"Make-up working day {date} lists no hours; a day that is not worked is not a make-up day.");
            }

            Hours = Array.AsReadOnly(normalized);
        }
    }

    public CalendarDate Date { get; }

    /// <summary>What the day makes up for, e.g. "春节" Spring Festival.</summary>
    public string Name { get; }

    /// <summary>Hours worked that day, or null for the calendar's make-up-day hours.</summary>
    public IReadOnlyList<WorkingInterval>? Hours { get; }
}
