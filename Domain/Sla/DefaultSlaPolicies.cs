using System;
using PropertyCrm.Domain.Calendars;

namespace PropertyCrm.Domain.Sla;

/// <summary>
/// The policies an installation runs with zero configuration, taken from the service levels the industry
/// sources set (shared DOMAIN.md, "Service levels the sources set"). Every target warns at 75% and escalates to the
/// property manager at 1.5× and the quality department at 2× the target (<see cref="EscalationLadder.ProportionalTo"/>).
/// </summary>
/// <remarks>
/// <para>The first response (受理) of every request is 30 minutes on <c>24x7</c>: the service centre runs a
/// 24小时服务热线 and promises 响应时间30分钟内, so a request logged on Friday evening or on 30 September is answered
/// that evening, not after the weekend or the National Day holiday.</para>
/// <list type="table">
/// <listheader><term>policy (matches)</term><description>first response · resolution · why</description></listheader>
/// <item><term>紧急 emergency (urgency Emergency, any type)</term><description>30 min · 4 h, both 24x7. Leaks, power
/// cuts, people trapped in lifts, gas, fire and medical calls cannot wait ("emergencies run on a 24×7 clock"); 4 h is
/// the sources' night-repair baseline (夜间维修 4 h), the slowest the case companies accepted before improving.</description></item>
/// <item><term>加急 urgent (urgency Urgent, any type)</term><description>30 min 24x7 · 9 h (1 working day), cn-workdays.</description></item>
/// <item><term>报修 repair (type Repair)</term><description>30 min 24x7 · 24 h of service hours (2 service days of
/// 12 h) on <c>service-hours</c>, i.e. the property's own calendar when it names one (<see cref="PropertyServiceHours"/>):
/// on-site work and resolution of ordinary requests run on the property's service hours, holidays included. The old
/// repair cycle "5 steps, 48 h" read as two days.</description></item>
/// <item><term>投诉 complaint (type Complaint)</term><description>30 min 24x7 (acknowledged) · 27 h (3 working days)
/// on cn-workdays: 3个工作日内给出解决方案 is stated in working days, so holidays and 调休 count.</description></item>
/// <item><term>咨询 inquiry (type Inquiry)</term><description>30 min 24x7 · 9 h (1 working day), cn-workdays.</description></item>
/// <item><term>默认 default (everything else: help, suggestion, praise, renovation, key custody, payment)</term>
/// <description>30 min 24x7 · 27 h (3 working days), cn-workdays: the complaint solution time as the ceiling for a
/// reply.</description></item>
/// </list>
/// A property with its own calendar or tier rules adds policies; these stay as the fallback.
/// </remarks>
public static class DefaultSlaPolicies
{
    private const string Hotline = BuiltInCalendars.TwentyFourSevenName;
    private const string Office = BuiltInCalendars.ChinaWorkdaysName;
    private const string Service = BuiltInCalendars.ServiceHoursName;

    private static readonly TimeSpan WorkingDay = TimeSpan.FromHours(9);
    private static readonly TimeSpan ServiceDay = TimeSpan.FromHours(12);
    private static readonly TimeSpan Acknowledge = TimeSpan.FromMinutes(30);

    public static SlaPolicySet Set { get; } = new SlaPolicySet(new[]
    {
        new SlaPolicy("紧急 emergency", Targets(TimeSpan.FromHours(4), Hotline), urgency: Urgency.Emergency),
        new SlaPolicy("加急 urgent", Targets(WorkingDay, Office), urgency: Urgency.Urgent),
        new SlaPolicy("报修 repair", Targets(TimeSpan.FromTicks(ServiceDay.Ticks * 2), Service), requestType: RequestType.Repair),
        new SlaPolicy("投诉 complaint", Targets(TimeSpan.FromTicks(WorkingDay.Ticks * 3), Office), requestType: RequestType.Complaint),
        new SlaPolicy("咨询 inquiry", Targets(WorkingDay, Office), requestType: RequestType.Inquiry),
        new SlaPolicy("默认 default", Targets(TimeSpan.FromTicks(WorkingDay.Ticks * 3), Office)),
    });

    /// <summary>The 30-minute 24x7 first response every default promises, and the given resolution.</summary>
    private static SlaTarget[] Targets(TimeSpan resolution, string resolutionCalendar) =>
        new[]
        {
            new SlaTarget(SlaKpi.FirstResponse, Acknowledge, Hotline),
            new SlaTarget(SlaKpi.Resolution, resolution, resolutionCalendar),
        };
}
