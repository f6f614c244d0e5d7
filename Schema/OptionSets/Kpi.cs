namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice KPI (KPI 指标): the KPIs a property company is judged by (README, KPI table).</summary>
public static class Kpi
{
    public const string Name = "pcrm_kpi";

    /// <summary>平均响应时长 / Average response time (minutes)</summary>
    public const int AverageResponseMinutes = 548210000;

    /// <summary>响应及时率 / First response on time</summary>
    public const int FirstResponseOnTime = 548210001;

    /// <summary>到场及时率 / On-site on time</summary>
    public const int OnSiteOnTime = 548210002;

    /// <summary>维修及时率 / Repair on time</summary>
    public const int RepairOnTime = 548210003;

    /// <summary>一次解决率 / First-time fix</summary>
    public const int FirstTimeFix = 548210004;

    /// <summary>解决率 / Resolution rate</summary>
    public const int Resolution = 548210005;

    /// <summary>返工率 / Rework rate</summary>
    public const int Rework = 548210006;

    /// <summary>重复报修率 / Repeat request rate</summary>
    public const int RepeatRequests = 548210007;

    /// <summary>回访率 / Follow-up rate</summary>
    public const int FollowUp = 548210008;

    /// <summary>满意率 / Satisfaction rate</summary>
    public const int SatisfactionRate = 548210009;

    /// <summary>平均满意度 / Average satisfaction</summary>
    public const int AverageSatisfaction = 548210010;

    /// <summary>NPS 净推荐值 / NPS</summary>
    public const int Nps = 548210011;

    /// <summary>可靠性 / SERVQUAL reliability</summary>
    public const int ServqualReliability = 548210012;

    /// <summary>响应性 / SERVQUAL responsiveness</summary>
    public const int ServqualResponsiveness = 548210013;

    /// <summary>保证性 / SERVQUAL assurance</summary>
    public const int ServqualAssurance = 548210014;

    /// <summary>移情性 / SERVQUAL empathy</summary>
    public const int ServqualEmpathy = 548210015;

    /// <summary>有形性 / SERVQUAL tangibles</summary>
    public const int ServqualTangibles = 548210016;

    /// <summary>投诉解决率 / Complaint resolution rate</summary>
    public const int ComplaintResolution = 548210017;

    /// <summary>有效投诉率 / Valid complaint rate</summary>
    public const int ValidComplaintRate = 548210018;

    /// <summary>挽回率 / Recovery rate</summary>
    public const int Recovery = 548210019;

    /// <summary>物业费收缴率 / Fee collection rate (the month's bills)</summary>
    public const int FeeCollection = 548210020;

    /// <summary>物业费收缴率(年初至今) / Fee collection rate, year to date</summary>
    public const int FeeCollectionYearToDate = 548210021;

    /// <summary>业主留存率 / Owner retention</summary>
    public const int OwnerRetention = 548210022;

    /// <summary>积分活跃率 / Points activity</summary>
    public const int PointsActivity = 548210023;

    /// <summary>活动参与率 / Event participation</summary>
    public const int EventParticipation = 548210024;

    /// <summary>建议回复率 / Suggestion answer rate</summary>
    public const int SuggestionAnswerRate = 548210025;

    /// <summary>建议采纳率 / Suggestion adoption rate</summary>
    public const int SuggestionAdoptionRate = 548210026;

    /// <summary>挽留率 / Retention case success rate</summary>
    public const int RetentionCaseSuccess = 548210027;
}
