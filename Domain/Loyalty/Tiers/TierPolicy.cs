using System;
using PropertyCrm.Domain.Loyalty.Fees;

namespace PropertyCrm.Domain.Loyalty.Tiers;

/// <summary>
/// Decides owner tiers from fee standing and engagement. Upgrades apply as soon as an evaluation shows them;
/// downgrades happen only at the periodic review and at most one level per review, so one late bill never
/// drops a Diamond owner to Standard — it takes three reviews of continued shortfall.
/// </summary>
/// <remarks>
/// Qualification, highest first (thresholds in <see cref="TierRules"/>):
/// <list type="number">
/// <item>Diamond: 12-month paid fees above the Diamond threshold and nothing overdue.</item>
/// <item>Gold: fees above the Gold threshold, or engagement at the Gold points; at most the allowed overdue months.</item>
/// <item>Silver: the same with the Silver thresholds.</item>
/// <item>Standard otherwise.</item>
/// </list>
/// </remarks>
public sealed class TierPolicy
{
    public TierPolicy(TierRules rules)
    {
        Guard.NotNull(rules, nameof(rules));

        Rules = rules.Validate();
    }

    public TierRules Rules { get; }

    /// <summary>The highest tier the figures earn, ignoring the owner's current tier.</summary>
    /// <param name="standing">Fee standing on the evaluation date.</param>
    /// <param name="engagementPoints">Activity points earned in the 12 months to the same date
    /// (<see cref="Points.PointsLedger.EngagementPoints"/>).</param>
    public TierQualification Qualify(FeeStanding standing, int engagementPoints)
    {
        Guard.NotNull(standing, nameof(standing));

        if (engagementPoints < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(engagementPoints), engagementPoints, "Engagement points cannot be negative.");
        }

        var paid = standing.PaidLast12Months;
        var paidText = Cny.Format(paid);
        var feesBeatDiamond = paid > Rules.DiamondFeesAbove;

        if (feesBeatDiamond && !standing.InArrears)
        {
            return Result(
                OwnerTier.Diamond,
                TierReasonCodes.DiamondByFees,
                $"近12个月缴纳物业费 {paidText},超过钻石门槛 {Cny.Format(Rules.DiamondFeesAbove)},且无欠费",
                $"paid {paidText} in property fees over 12 months, above the Diamond threshold of {Cny.Format(Rules.DiamondFeesAbove)}, with nothing overdue",
                heldBack: false);
        }

        var diamondNote = feesBeatDiamond
            ? new BilingualText(
                $";但欠费 {Cny.Format(standing.OverdueAmount)},不能评为钻石",
                $"; {Cny.Format(standing.OverdueAmount)} overdue rules out Diamond")
            : new BilingualText(string.Empty, string.Empty);

        var arrearsAllowSilverGold = standing.MonthsInArrears <= Rules.MaxArrearsMonthsForSilverAndGold;
        if (arrearsAllowSilverGold)
        {
            var byFees = FeePath(paid, OwnerTier.Gold, Rules.GoldFeesAbove, TierReasonCodes.GoldByFees, diamondNote)
                ?? EngagementPath(engagementPoints, OwnerTier.Gold, Rules.GoldEngagementPoints, TierReasonCodes.GoldByEngagement)
                ?? FeePath(paid, OwnerTier.Silver, Rules.SilverFeesAbove, TierReasonCodes.SilverByFees, diamondNote)
                ?? EngagementPath(engagementPoints, OwnerTier.Silver, Rules.SilverEngagementPoints, TierReasonCodes.SilverByEngagement);
            if (byFees is not null)
            {
                return byFees;
            }

            return Result(
                OwnerTier.Standard,
                TierReasonCodes.StandardBelowThresholds,
                $"近12个月缴费 {paidText}、互动积分 {engagementPoints},未达银卡门槛(缴费超过 {Cny.Format(Rules.SilverFeesAbove)} 或互动积分 {Describe(Rules.SilverEngagementPoints)})",
                $"paid {paidText} and earned {engagementPoints} activity points over 12 months, below Silver (fees above {Cny.Format(Rules.SilverFeesAbove)} or {Describe(Rules.SilverEngagementPoints)} activity points)",
                heldBack: false);
        }

        var wouldQualify = paid > Rules.SilverFeesAbove
            || (Rules.SilverEngagementPoints is int silverPoints && engagementPoints >= silverPoints);
        return Result(
            OwnerTier.Standard,
            TierReasonCodes.StandardByArrears,
            $"欠费 {standing.MonthsInArrears} 个月(超过允许的 {Rules.MaxArrearsMonthsForSilverAndGold} 个月),仅可评为普通",
            $"{standing.MonthsInArrears} months overdue (more than the {Rules.MaxArrearsMonthsForSilverAndGold} allowed), so only Standard applies",
            heldBack: wouldQualify);

        TierQualification Result(OwnerTier tier, string code, string chinese, string english, bool heldBack) =>
            new TierQualification(
                tier,
                code,
                new BilingualText(chinese, english),
                heldBack,
                paid,
                engagementPoints,
                standing.MonthsInArrears);

        TierQualification? FeePath(decimal paidFees, OwnerTier tier, decimal threshold, string code, BilingualText note) =>
            paidFees > threshold
                ? Result(
                    tier,
                    code,
                    $"近12个月缴纳物业费 {Cny.Format(paidFees)},超过{TierNames.Chinese(tier)}门槛 {Cny.Format(threshold)}{note.Chinese}",
                    $"paid {Cny.Format(paidFees)} in property fees over 12 months, above the {TierNames.English(tier)} threshold of {Cny.Format(threshold)}{note.English}",
                    heldBack: note.Chinese.Length > 0)
                : null;

        TierQualification? EngagementPath(int points, OwnerTier tier, int? threshold, string code) =>
            threshold is int needed && points >= needed
                ? Result(
                    tier,
                    code,
                    $"近12个月互动积分 {points},达到{TierNames.Chinese(tier)}门槛 {needed}{diamondNote.Chinese}",
                    $"earned {points} activity points over 12 months, at least the {TierNames.English(tier)} threshold of {needed}{diamondNote.English}",
                    heldBack: diamondNote.Chinese.Length > 0)
                : null;
    }

    /// <summary>
    /// Evaluates and applies the change rules. On <see cref="TierTrigger.Event"/> only upgrades happen; on
    /// <see cref="TierTrigger.PeriodicReview"/> an owner above their qualification goes down exactly one level.
    /// The review date itself is the caller's schedule (<see cref="TierRules.IsReviewDate"/>); a re-run on a
    /// later day after a failed job is allowed.
    /// </summary>
    public TierAssessment Assess(OwnerTier current, FeeStanding standing, int engagementPoints, TierTrigger trigger)
    {
        if (!Enum.IsDefined(typeof(OwnerTier), current))
        {
            throw new ArgumentOutOfRangeException(nameof(current), current, "Unknown tier.");
        }

        var qualification = Qualify(standing, engagementPoints);
        var on = standing.AsOf;

        if (qualification.Tier > current)
        {
            var to = qualification.Tier;
            var change = new TierChange(
                current,
                to,
                on,
                TierReasonCodes.Upgraded,
                new BilingualText(
                    $"升级为{TierNames.Chinese(to)}:{qualification.ReasonText.Chinese}",
                    $"Upgraded to {TierNames.English(to)}: {qualification.ReasonText.English}."));
            return new TierAssessment(current, qualification, to, change);
        }

        if (qualification.Tier < current && trigger == TierTrigger.PeriodicReview)
        {
            var to = current - 1;
            var change = new TierChange(
                current,
                to,
                on,
                TierReasonCodes.DowngradedAtReview,
                new BilingualText(
                    $"定期评审降一级至{TierNames.Chinese(to)}(每次评审最多降一级):{qualification.ReasonText.Chinese}",
                    $"Periodic review lowers the tier one level to {TierNames.English(to)} (at most one level per review): {qualification.ReasonText.English}."));
            return new TierAssessment(current, qualification, to, change);
        }

        return new TierAssessment(current, qualification, current, null);
    }

    private static string Describe(int? threshold) => threshold is int points
        ? points.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : "—";
}
