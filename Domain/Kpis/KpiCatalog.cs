using System.Collections.Generic;
using System.Linq;

namespace PropertyCrm.Domain.Kpis;

/// <summary>
/// Every KPI with its default target. The numbers come from the requirement documents (README, KPI table, names each
/// source); admins override them per property in <c>pcrm_kpitarget</c>.
/// </summary>
public static class KpiCatalog
{
    private const string Contract = "物业服务合同 (contract)";

    public static IReadOnlyList<KpiDefinition> All { get; } = new[]
    {
        Rate(KpiCode.AverageResponseMinutes, "平均响应时长", "Average response time (min)", KpiDirection.LowerIsBetter, 30m, "缩短服务响应时间至30分钟内"),
        Rate(KpiCode.FirstResponseOnTime, "响应及时率", "First response on time", KpiDirection.HigherIsBetter, 1m, "响应时间30分钟内 (every request acknowledged in time)"),
        Rate(KpiCode.OnSiteOnTime, "到场及时率", "On-site on time", KpiDirection.HigherIsBetter, 1m, "报事修响应时效≤2小时"),
        Rate(KpiCode.RepairOnTime, "维修及时率", "Repair on time", KpiDirection.HigherIsBetter, 1m, "维修及时率 100%"),
        Rate(KpiCode.FirstTimeFix, "一次解决率", "First-time fix", KpiDirection.HigherIsBetter, 0.92m, "一次解决率 ≥ 92%"),
        Rate(KpiCode.Resolution, "解决率", "Resolution rate", KpiDirection.HigherIsBetter, null, "no target in the documents"),
        Rate(KpiCode.Rework, "返工率", "Rework rate", KpiDirection.LowerIsBetter, null, "no target in the documents"),
        Rate(KpiCode.RepeatRequests, "重复报修率", "Repeat request rate", KpiDirection.LowerIsBetter, null, "no target in the documents"),
        Rate(KpiCode.FollowUp, "回访率", "Follow-up rate", KpiDirection.HigherIsBetter, 1m, "回访率 100%"),
        Rate(KpiCode.SatisfactionRate, "满意率", "Satisfaction rate", KpiDirection.HigherIsBetter, 0.99m, Contract + ": 满意率 ≥ 99% (regulation floor 85%)"),
        Rate(KpiCode.AverageSatisfaction, "平均满意度", "Average satisfaction (1-5)", KpiDirection.HigherIsBetter, null, "no target in the documents"),
        new KpiDefinition(KpiCode.Nps, "NPS 净推荐值", "NPS", KpiDirection.HigherIsBetter, 100m, 60m, "NPS ≥ 60"),
        Rate(KpiCode.ServqualReliability, "可靠性", "SERVQUAL reliability", KpiDirection.HigherIsBetter, null, "no target in the documents"),
        Rate(KpiCode.ServqualResponsiveness, "响应性", "SERVQUAL responsiveness", KpiDirection.HigherIsBetter, null, "no target in the documents"),
        Rate(KpiCode.ServqualAssurance, "保证性", "SERVQUAL assurance", KpiDirection.HigherIsBetter, null, "no target in the documents"),
        Rate(KpiCode.ServqualEmpathy, "移情性", "SERVQUAL empathy", KpiDirection.HigherIsBetter, null, "no target in the documents"),
        Rate(KpiCode.ServqualTangibles, "有形性", "SERVQUAL tangibles", KpiDirection.HigherIsBetter, null, "no target in the documents"),
        Rate(KpiCode.ComplaintResolution, "投诉解决率", "Complaint resolution rate", KpiDirection.HigherIsBetter, null, "no target in the documents"),
        Rate(KpiCode.ValidComplaintRate, "有效投诉率", "Valid complaint rate", KpiDirection.LowerIsBetter, 0.01m, "有效投诉率 ≤ 1%"),
        Rate(KpiCode.Recovery, "挽回率", "Recovery rate", KpiDirection.HigherIsBetter, null, "no target in the documents"),
        Rate(KpiCode.FeeCollection, "物业费收缴率", "Fee collection rate", KpiDirection.HigherIsBetter, 0.98m, Contract + ": 收缴率 ≥ 98% (95% floor)"),
        Rate(KpiCode.FeeCollectionYearToDate, "物业费收缴率(年初至今)", "Fee collection rate (YTD)", KpiDirection.HigherIsBetter, 0.98m, Contract + ": 收缴率 ≥ 98% (95% floor)"),
        Rate(KpiCode.OwnerRetention, "业主留存率", "Owner retention", KpiDirection.HigherIsBetter, 0.90m, "留存率 ≥ 90%"),
        Rate(KpiCode.PointsActivity, "积分活跃率", "Points activity", KpiDirection.HigherIsBetter, null, "no target in the documents"),
        Rate(KpiCode.EventParticipation, "活动参与率", "Event participation", KpiDirection.HigherIsBetter, null, "no target in the documents"),
        Rate(KpiCode.SuggestionAnswerRate, "建议回复率", "Suggestion answer rate", KpiDirection.HigherIsBetter, null, "no target in the documents (issue 13: “only 18% were answered” is the baseline, not a target)"),
        Rate(KpiCode.SuggestionAdoptionRate, "建议采纳率", "Suggestion adoption rate", KpiDirection.HigherIsBetter, null, "no target in the documents"),
        Rate(KpiCode.RetentionCaseSuccess, "挽留率", "Retention case success rate", KpiDirection.HigherIsBetter, null, "no target in the documents (issue 13: 挽回率 per property for churn-risk retention)"),
    };

    private static readonly Dictionary<KpiCode, KpiDefinition> ByCode = All.ToDictionary(k => k.Code);

    public static KpiDefinition Get(KpiCode code) => ByCode[code];

    private static KpiDefinition Rate(KpiCode code, string chinese, string english, KpiDirection direction, decimal? target, string source) =>
        new(code, chinese, english, direction, 1m, target, source);
}
