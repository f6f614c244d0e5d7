namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>
/// The things that earn points. There is deliberately no member for filing a service request (报事报修):
/// points for requests would reward filing them, so no configuration can ever create such a rule.
/// </summary>
public enum EarnRuleCode
{
    /// <summary>按时缴费: points per CNY of a property-fee payment made by the due date.</summary>
    OnTimeFeePayment = 1,

    /// <summary>首次使用APP/小程序: once per owner, ever.</summary>
    FirstAppUse = 2,

    /// <summary>完成满意度调查/回访评价: a survey or a service rating.</summary>
    SurveyCompleted = 3,

    /// <summary>参加社区活动: attendance recorded at a community event.</summary>
    CommunityEventAttended = 4,

    /// <summary>建议被采纳: a suggestion the property adopted (not merely filed).</summary>
    SuggestionAdopted = 5,

    /// <summary>推荐: a referred person who became an owner or tenant.</summary>
    Referral = 6,
}
