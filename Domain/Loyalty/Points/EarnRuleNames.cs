using System;

namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>Rule names for points-history descriptions, and the stable key fragment of each rule.</summary>
internal static class EarnRuleNames
{
    public static BilingualText Of(EarnRuleCode code) => code switch
    {
        EarnRuleCode.OnTimeFeePayment => new BilingualText("按时缴费", "On-time fee payment"),
        EarnRuleCode.FirstAppUse => new BilingualText("首次使用APP/小程序", "First use of the APP or mini program"),
        EarnRuleCode.SurveyCompleted => new BilingualText("完成满意度调查", "Survey completed"),
        EarnRuleCode.CommunityEventAttended => new BilingualText("参加社区活动", "Community event attended"),
        EarnRuleCode.SuggestionAdopted => new BilingualText("建议被采纳", "Suggestion adopted"),
        EarnRuleCode.Referral => new BilingualText("推荐新业主", "Referral"),
        _ => new BilingualText(code.ToString(), code.ToString()),
    };

    /// <summary>
    /// Written into idempotency keys, which are stored forever: these strings must never change, even if
    /// the enum members are renamed.
    /// </summary>
    public static string KeyFragment(EarnRuleCode code) => code switch
    {
        EarnRuleCode.OnTimeFeePayment => "fee-on-time",
        EarnRuleCode.FirstAppUse => "app-first-use",
        EarnRuleCode.SurveyCompleted => "survey",
        EarnRuleCode.CommunityEventAttended => "event",
        EarnRuleCode.SuggestionAdopted => "suggestion",
        EarnRuleCode.Referral => "referral",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown earn rule."),
    };
}
