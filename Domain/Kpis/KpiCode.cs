namespace PropertyCrm.Domain.Kpis;

/// <summary>The KPIs a property company is judged by (README, KPI table). Persisted as 548210000 + value: never renumber.</summary>
public enum KpiCode
{
    /// <summary>平均响应时长: minutes from logging to 受理, averaged.</summary>
    AverageResponseMinutes = 0,

    /// <summary>响应及时率: first-response clocks met.</summary>
    FirstResponseOnTime = 1,

    /// <summary>到场及时率: on-site clocks met.</summary>
    OnSiteOnTime = 2,

    /// <summary>维修及时率: repairs resolved within their resolution target.</summary>
    RepairOnTime = 3,

    /// <summary>一次解决率: closed with no reopen.</summary>
    FirstTimeFix = 4,

    /// <summary>解决率: requests resolved.</summary>
    Resolution = 5,

    /// <summary>返工率: closed requests that were reopened.</summary>
    Rework = 6,

    /// <summary>重复报修率: requests that repeat an earlier one of the same unit and line within 30 days.</summary>
    RepeatRequests = 7,

    /// <summary>回访率: resolved requests followed up.</summary>
    FollowUp = 8,

    /// <summary>满意率: satisfied or very satisfied among answers.</summary>
    SatisfactionRate = 9,

    /// <summary>平均满意度: mean of the 1–5 answers.</summary>
    AverageSatisfaction = 10,

    /// <summary>NPS: % promoters (9–10) − % detractors (0–6).</summary>
    Nps = 11,

    /// <summary>SERVQUAL 可靠性, mean 1–5.</summary>
    ServqualReliability = 12,

    /// <summary>SERVQUAL 响应性, mean 1–5.</summary>
    ServqualResponsiveness = 13,

    /// <summary>SERVQUAL 保证性, mean 1–5.</summary>
    ServqualAssurance = 14,

    /// <summary>SERVQUAL 移情性, mean 1–5.</summary>
    ServqualEmpathy = 15,

    /// <summary>SERVQUAL 有形性, mean 1–5.</summary>
    ServqualTangibles = 16,

    /// <summary>投诉解决率: complaints resolved.</summary>
    ComplaintResolution = 17,

    /// <summary>有效投诉率: valid complaints per household per month.</summary>
    ValidComplaintRate = 18,

    /// <summary>挽回率: recovery cases closed as recovered.</summary>
    Recovery = 19,

    /// <summary>物业费收缴率: paid ÷ due of the month's bills.</summary>
    FeeCollection = 20,

    /// <summary>物业费收缴率, year to date: paid ÷ due of the bills from January to the month.</summary>
    FeeCollectionYearToDate = 21,

    /// <summary>业主留存率: owners not churned.</summary>
    OwnerRetention = 22,

    /// <summary>积分活跃率: owners with a points movement in the month.</summary>
    PointsActivity = 23,

    /// <summary>活动参与率: owners checked in to an event of the property in the month.</summary>
    EventParticipation = 24,

    /// <summary>建议回复率: suggestions received in the month that have been answered.</summary>
    SuggestionAnswerRate = 25,

    /// <summary>建议采纳率: adopted among the suggestions decided in the month.</summary>
    SuggestionAdoptionRate = 26,

    /// <summary>挽留率: retention cases (挽留, churn risk) closed as retained.</summary>
    RetentionCaseSuccess = 27,
}
