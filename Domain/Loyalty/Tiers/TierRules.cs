namespace PropertyCrm.Domain.Loyalty.Tiers;

/// <summary>
/// The tier thresholds admins maintain. Defaults are the product's recommendation; change them with
/// <c>with</c> and the policy validates them when it is built.
/// </summary>
/// <remarks>
/// <para>Fee thresholds are "more than" (the sources say Diamond pays <i>more than</i> ¥5,000 a year); the
/// amount is <see cref="Fees.FeeStanding.PaidLast12Months"/>.</para>
/// <para>Why ¥2,000 and ¥3,500: ordinary residential fees run about ¥1.5–3 per ㎡ a month, so a 90–100 ㎡
/// flat pays roughly ¥1,800–3,600 a year. Silver (&gt; ¥2,000) is reached by an ordinary owner who pays the
/// whole year, not by one who skips months; Gold (&gt; ¥3,500) is a larger flat or a better-serviced project;
/// Diamond (&gt; ¥5,000) is the sources' own figure (large flats, villas, high-end projects). The steps sit at
/// 40%, 70% and 100% of Diamond so each level is a visible step up.</para>
/// <para>Engagement is the second path: points earned from activities (events, surveys, adopted suggestions,
/// referrals, first APP use — never fee points) in the last 12 months. It leads to Silver or Gold, never
/// Diamond, which the sources define by fees. 300 points is about six community events; 800 is an owner who
/// attends most months and has a suggestion adopted — the sources' 高价值业主 who "takes part".</para>
/// <para>Arrears: Diamond requires none. Silver and Gold tolerate up to
/// <see cref="MaxArrearsMonthsForSilverAndGold"/> overdue months, so one late bill does not cost them; the
/// third is the churn-risk signal (连续3个月未缴费), past which only Standard qualifies.</para>
/// </remarks>
public sealed record TierRules
{
    public static TierRules Default { get; } = new TierRules();

    /// <summary>Silver when 12-month paid fees exceed this (CNY).</summary>
    public decimal SilverFeesAbove { get; init; } = 2_000m;

    /// <summary>Gold when 12-month paid fees exceed this (CNY).</summary>
    public decimal GoldFeesAbove { get; init; } = 3_500m;

    /// <summary>Diamond when 12-month paid fees exceed this (CNY) and nothing is overdue.</summary>
    public decimal DiamondFeesAbove { get; init; } = 5_000m;

    /// <summary>Silver by engagement at this many activity points in 12 months; null turns the path off.</summary>
    public int? SilverEngagementPoints { get; init; } = 300;

    /// <summary>Gold by engagement at this many activity points in 12 months; null turns the path off.</summary>
    public int? GoldEngagementPoints { get; init; } = 800;

    /// <summary>Silver and Gold (either path) are refused from this many overdue months plus one.</summary>
    public int MaxArrearsMonthsForSilverAndGold { get; init; } = 2;

    /// <summary>
    /// Reviews fall on the first day of every this-many months counted from January: 3 = 1 Jan, 1 Apr, 1 Jul,
    /// 1 Oct. Must divide 12.
    /// </summary>
    public int ReviewEveryMonths { get; init; } = 3;

    /// <summary>Whether <paramref name="date"/> is a scheduled review date.</summary>
    public bool IsReviewDate(ChinaDate date) => date.Day == 1 && (date.Month - 1) % ReviewEveryMonths == 0;

    /// <summary>The first review date strictly after <paramref name="date"/>.</summary>
    public ChinaDate NextReviewAfter(ChinaDate date)
    {
        var month = date.YearMonth.AddMonths(1);
        while ((month.Month - 1) % ReviewEveryMonths != 0)
        {
            month = month.AddMonths(1);
        }

        return month.FirstDay;
    }

    /// <summary>Refuses thresholds that cannot rank tiers.</summary>
    /// <exception cref="DomainException">With <see cref="LoyaltyErrorCodes.InvalidTierRules"/>.</exception>
    public TierRules Validate()
    {
        if (SilverFeesAbove < 0m || !(SilverFeesAbove < GoldFeesAbove && GoldFeesAbove < DiamondFeesAbove))
        {
            throw Invalid(
                "缴费门槛须满足 0 ≤ 银卡 < 金卡 < 钻石",
                "Fee thresholds must satisfy 0 ≤ Silver < Gold < Diamond.");
        }

        if (SilverEngagementPoints is < 0 || GoldEngagementPoints is < 0
            || (SilverEngagementPoints is int silver && GoldEngagementPoints is int gold && silver >= gold))
        {
            throw Invalid(
                "互动积分门槛须为非负数,且银卡低于金卡",
                "Engagement thresholds must not be negative, and Silver's must be below Gold's.");
        }

        if (MaxArrearsMonthsForSilverAndGold < 0)
        {
            throw Invalid("允许欠费月数不能为负数", "Allowed arrears months cannot be negative.");
        }

        if (ReviewEveryMonths < 1 || 12 % ReviewEveryMonths != 0)
        {
            throw Invalid("评审周期(月)须能整除 12", "The review cycle in months must divide 12.");
        }

        return this;
    }

    private static DomainException Invalid(string chinese, string english) =>
        new DomainException(LoyaltyErrorCodes.InvalidTierRules, new BilingualText(chinese, english).ToString());
}
