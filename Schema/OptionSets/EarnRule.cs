namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Earn Rule (积分规则). Activities that earn points; filing a service request never does. Values: 548210000 + the domain enum value (EarnRuleCode, 1-based: OnTimeFeePayment = 548210001).</summary>
public static class EarnRule
{
    public const string Name = "pcrm_earnrule";

    /// <summary>按时缴费 / On-time Fee Payment</summary>
    public const int OnTimeFeePayment = 548210001;

    /// <summary>首次使用APP / First App Use</summary>
    public const int FirstAppUse = 548210002;

    /// <summary>完成满意度评价 / Survey Completed</summary>
    public const int SurveyCompleted = 548210003;

    /// <summary>参加社区活动 / Community Event Attended</summary>
    public const int CommunityEventAttended = 548210004;

    /// <summary>建议被采纳 / Suggestion Adopted</summary>
    public const int SuggestionAdopted = 548210005;

    /// <summary>推荐入住 / Referral</summary>
    public const int Referral = 548210006;
}
