using System;

namespace PropertyCrm.Domain.Sla;

/// <summary>
/// One KPI's promise inside a policy: how much working time, on which calendar, when to warn, and how to
/// escalate. E.g. first response within 30 minutes on 24x7, warn at 75%.
/// </summary>
public sealed class SlaTarget
{
    /// <summary>Used when a policy does not say otherwise.</summary>
    public const int DefaultWarningPercent = 75;

    /// <param name="kpi">The measure this target is for.</param>
    /// <param name="duration">Working time allowed; whole minutes, because admins configure minutes and
    /// whole-minute targets keep every deadline on a whole minute.</param>
    /// <param name="calendarName">The calendar the working time is counted on, e.g. "cn-workdays".</param>
    /// <param name="warningPercent">Share of <paramref name="duration"/> after which the assignee is warned, 1-99.</param>
    /// <param name="ladder">Escalation after breach; null for <see cref="EscalationLadder.ProportionalTo"/>.</param>
    public SlaTarget(SlaKpi kpi, TimeSpan duration, string calendarName, int warningPercent = DefaultWarningPercent, EscalationLadder? ladder = null)
    {
        if (duration <= TimeSpan.Zero || duration.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw new DomainException(
                SlaErrorCodes.InvalidTarget,
                $"{kpi} 的目标时长须为正的整分钟数,实际为 {duration} / Target for {kpi} must be a positive whole number of minutes, got {duration}.");
        }

        if (string.IsNullOrWhiteSpace(calendarName))
        {
            throw new DomainException(
                SlaErrorCodes.InvalidTarget,
                $"{kpi} 的目标缺少工作日历 / Target for {kpi} names no business calendar.");
        }

        if (warningPercent < 1 || warningPercent > 99)
        {
            throw new DomainException(
                SlaErrorCodes.InvalidTarget,
                $"{kpi} 的预警阈值须在 1% 到 99% 之间,实际为 {warningPercent}% / Warning threshold for {kpi} must be 1-99%, got {warningPercent}%.");
        }

        Kpi = kpi;
        Duration = duration;
        CalendarName = calendarName.Trim();
        WarningPercent = warningPercent;
        Ladder = ladder ?? EscalationLadder.ProportionalTo(duration);
    }

    public SlaKpi Kpi { get; }

    /// <summary>Working time allowed.</summary>
    public TimeSpan Duration { get; }

    public string CalendarName { get; }

    public int WarningPercent { get; }

    public EscalationLadder Ladder { get; }

    /// <summary>
    /// Working time after which the warning is due: <see cref="WarningPercent"/> of <see cref="Duration"/>, exact to
    /// the tick and truncated below it (75% of 30 minutes is 22 min 30 s).
    /// </summary>
    public TimeSpan WarningAfter => TimeSpan.FromTicks(Duration.Ticks / 100 * WarningPercent + Duration.Ticks % 100 * WarningPercent / 100);

    public override string ToString() => $"{Kpi} {Duration} on {CalendarName} (warn at {WarningPercent}%)";
}
