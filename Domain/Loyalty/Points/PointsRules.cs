using System;
using System.Collections.Generic;

namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>
/// The points configuration admins maintain: earn rules and the age at which points expire. Defaults are
/// the product's recommendation (see the README table); change them with <c>with</c>.
/// </summary>
/// <remarks>
/// The anchor is 1 point ≈ ¥0.10 of reward value (a 200-point ¥20 fee voucher). Fee payments earn 0.1 point
/// per ¥1, about 1% back — enough to notice, too little to matter to the fee income. Activity amounts are set
/// so that a normally active owner earns about as much from taking part as from paying, which is what the
/// sources mean by 高价值业主 (pays on time and takes part).
/// </remarks>
public sealed record PointsRules
{
    public static PointsRules Default { get; } = new PointsRules
    {
        EarnRules = new[]
        {
            new EarnRule(EarnRuleCode.OnTimeFeePayment)
            {
                PointsPerYuan = 0.1m,
                MonthlyCap = 1_000,
                Multipliers = new TierMultipliers { Silver = 1.1m, Gold = 1.2m, Diamond = 1.5m },
            },
            new EarnRule(EarnRuleCode.FirstAppUse) { PointsPerEvent = 100 },
            new EarnRule(EarnRuleCode.SurveyCompleted) { PointsPerEvent = 20, MonthlyCap = 60 },
            new EarnRule(EarnRuleCode.CommunityEventAttended) { PointsPerEvent = 50, MonthlyCap = 200 },
            new EarnRule(EarnRuleCode.SuggestionAdopted) { PointsPerEvent = 100, MonthlyCap = 300 },
            new EarnRule(EarnRuleCode.Referral) { PointsPerEvent = 200, MonthlyCap = 400 },
        },
    };

    /// <summary>At most one rule per code; a code without a rule earns nothing.</summary>
    public IReadOnlyList<EarnRule> EarnRules { get; init; } = Array.Empty<EarnRule>();

    /// <summary>
    /// Points expire at the end of 31 December of the earning year plus this many years, China time: 2 means
    /// points earned on 2026-03-05 are usable through 2028-12-31 and gone at 2029-01-01T00:00+08:00. Expiring
    /// by calendar year gives owners one date a year to remember and the sweep one busy night.
    /// </summary>
    public int ExpiryYearsAfterEarning { get; init; } = 2;

    /// <summary>The last day points earned on <paramref name="earnedOn"/> can be used.</summary>
    public ChinaDate ExpiresOn(ChinaDate earnedOn) => new ChinaDate(earnedOn.Year + ExpiryYearsAfterEarning, 12, 31);

    /// <summary>The rule for <paramref name="code"/>, or null when none is configured.</summary>
    public EarnRule? Find(EarnRuleCode code)
    {
        foreach (var rule in EarnRules)
        {
            if (rule.Code == code)
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>Refuses a configuration the engine could not apply consistently.</summary>
    /// <exception cref="DomainException">With <see cref="LoyaltyErrorCodes.InvalidPointsRules"/>.</exception>
    public PointsRules Validate()
    {
        if (EarnRules is null)
        {
            throw Invalid("未配置积分规则列表", "The earn rule list is missing.");
        }

        if (ExpiryYearsAfterEarning < 0 || ExpiryYearsAfterEarning > 10)
        {
            throw Invalid("积分有效期须为 0 到 10 年", "Points must expire 0 to 10 years after the earning year.");
        }

        var seen = new HashSet<EarnRuleCode>();
        foreach (var rule in EarnRules)
        {
            if (rule is null)
            {
                throw Invalid("积分规则列表含空项", "The earn rule list contains an empty entry.");
            }

            var name = EarnRuleNames.Of(rule.Code);
            if (!seen.Add(rule.Code))
            {
                throw Invalid($"积分规则“{name.Chinese}”重复", $"The earn rule '{name.English}' appears twice.");
            }

            var amountValid = rule.Code == EarnRuleCode.OnTimeFeePayment ? rule.PointsPerYuan > 0m : rule.PointsPerEvent > 0;
            if (!amountValid)
            {
                throw Invalid($"积分规则“{name.Chinese}”的积分须大于零", $"The earn rule '{name.English}' must award more than zero points.");
            }

            if (rule.MonthlyCap is <= 0)
            {
                throw Invalid($"积分规则“{name.Chinese}”的月上限须大于零", $"The monthly cap of '{name.English}' must be more than zero.");
            }

            if (rule.Multipliers is null || !rule.Multipliers.IsValid)
            {
                throw Invalid($"积分规则“{name.Chinese}”的等级倍数须大于零", $"The tier multipliers of '{name.English}' must be more than zero.");
            }
        }

        return this;
    }

    private static DomainException Invalid(string chinese, string english) =>
        new DomainException(LoyaltyErrorCodes.InvalidPointsRules, new BilingualText(chinese, english).ToString());
}
