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
/// <listheader><term>policy (matches)</term><description>first response · resolution · on-site (到场/初步处理) · why</description></listheader>
/// <item><term>紧急 emergency (urgency Emergency, any type)</term><description>30 min · 4 h, both 24x7. Leaks, power
/// cuts, people trapped in lifts, gas, fire and medical calls cannot wait ("emergencies run on a 24×7 clock"): on site in
/// 30 min 24x7 (紧急事件响应时间); 4 h is
/// the sources' night-repair baseline (夜间维修 4 h), the slowest the case companies accepted before improving.</description></item>
/// <item><term>加急 urgent (urgency Urgent, any type)</term><description>30 min 24x7 · 9 h (1 working day), cn-workdays.</description></item>
/// <item><term>钻石 diamond repair (type Repair, tier diamond)</term><description>on site in 1 h of service hours only
/// (the other targets come from the repair policy): 钻石级业主 expect 专属权益, our product decision (issue 11).</description></item>
/// <item><term>报修 repair (type Repair)</term><description>30 min 24x7 · 24 h of service hours (2 service days of
/// 12 h) on <c>service-hours</c> · on site in 2 h of service hours (报事修响应时效≤2小时), i.e. the property's own calendar when it names one (<see cref="PropertyServiceHours"/>):
/// on-site work and resolution of ordinary requests run on the property's service hours, holidays included. The old
/// repair cycle "5 steps, 48 h" read as two days.</description></item>
/// <item><term>投诉 complaint (type Complaint)</term><description>30 min 24x7 (acknowledged) · 27 h (3 working days)
/// on cn-workdays: 3个工作日内给出解决方案 is stated in working days, so holidays and 调休 count · initial handling
/// (初步处理, the on-site KPI of a complaint) in 24 h 24x7: 客户投诉在24小时内得到初步处理.</description></item>
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
        new SlaPolicy("紧急 emergency", Targets(TimeSpan.FromHours(4), Hotline, Acknowledge, Hotline), urgency: Urgency.Emergency),
        new SlaPolicy("加急 urgent", Targets(WorkingDay, Office), urgency: Urgency.Urgent),
        new SlaPolicy(
            "钻石 diamond repair",
            new[] { new SlaTarget(SlaKpi.OnSite, TimeSpan.FromHours(1), Service) },
            requestType: RequestType.Repair,
            ownerTier: SlaTierCodes.Diamond),
        new SlaPolicy(
            "报修 repair",
            Targets(TimeSpan.FromTicks(ServiceDay.Ticks * 2), Service, TimeSpan.FromHours(2), Service),
            requestType: RequestType.Repair),
        new SlaPolicy(
            "投诉 complaint",
            Targets(TimeSpan.FromTicks(WorkingDay.Ticks * 3), Office, TimeSpan.FromHours(24), Hotline),
            requestType: RequestType.Complaint),
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

    /// <summary>The 30-minute 24x7 first response, the given resolution and the given on-site / initial handling.</summary>
    private static SlaTarget[] Targets(TimeSpan resolution, string resolutionCalendar, TimeSpan onSite, string onSiteCalendar) =>
        new[]
        {
            new SlaTarget(SlaKpi.FirstResponse, Acknowledge, Hotline),
            new SlaTarget(SlaKpi.Resolution, resolution, resolutionCalendar),
            new SlaTarget(SlaKpi.OnSite, onSite, onSiteCalendar),
        };
}
