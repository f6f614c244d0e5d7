using System;
using System.Collections.Generic;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Fees;
using PropertyCrm.Domain.Loyalty.Tiers;
using static PropertyCrm.Tests.Domain.Loyalty.LoyaltyFixtures;

namespace PropertyCrm.Tests.Domain.Loyalty;

public sealed class TierPolicyTests
{
    private static readonly TierPolicy Policy = new(TierRules.Default);

    /// <summary>
    /// Twelve monthly bills (2025-07..2026-06) adding up to exactly <paramref name="yearly"/> (the last one takes
    /// the rounding), all paid on time except the unpaid ones; no bills at all for zero.
    /// </summary>
    private static FeeStanding Standing(decimal yearly, string unpaid = "")
    {
        if (yearly == 0m)
        {
            return FeeStanding.Derive(Array.Empty<FeeBill>(), Array.Empty<FeePayment>(), D("2026-06-30"));
        }

        var monthly = Math.Round(yearly / 12m, 2);
        var bills = MonthlyBills("2025-07", 12, monthly);
        bills[11] = new FeeBill(bills[11].BillId, bills[11].Period, yearly - (11 * monthly), bills[11].DueOn);
        return FeeStanding.Derive(bills, PaidOnTime(bills, Periods(unpaid)), D("2026-06-30"));
    }

    [Theory]
    [InlineData(6_000, 0, "", OwnerTier.Diamond, TierReasonCodes.DiamondByFees)]
    [InlineData(5_000.01, 0, "", OwnerTier.Diamond, TierReasonCodes.DiamondByFees)]
    [InlineData(5_000, 0, "", OwnerTier.Gold, TierReasonCodes.GoldByFees)]
    [InlineData(3_500.01, 0, "", OwnerTier.Gold, TierReasonCodes.GoldByFees)]
    [InlineData(3_500, 0, "", OwnerTier.Silver, TierReasonCodes.SilverByFees)]
    [InlineData(2_000.01, 0, "", OwnerTier.Silver, TierReasonCodes.SilverByFees)]
    [InlineData(2_000, 0, "", OwnerTier.Standard, TierReasonCodes.StandardBelowThresholds)]
    [InlineData(0, 299, "", OwnerTier.Standard, TierReasonCodes.StandardBelowThresholds)]
    [InlineData(0, 300, "", OwnerTier.Silver, TierReasonCodes.SilverByEngagement)]
    [InlineData(0, 800, "", OwnerTier.Gold, TierReasonCodes.GoldByEngagement)]
    [InlineData(2_400, 800, "", OwnerTier.Gold, TierReasonCodes.GoldByEngagement)]
    [InlineData(9_999, 5_000, "", OwnerTier.Diamond, TierReasonCodes.DiamondByFees)]
    [InlineData(4_800, 0, "2026-05,2026-06", OwnerTier.Gold, TierReasonCodes.GoldByFees)]
    [InlineData(4_800, 0, "2026-04,2026-05,2026-06", OwnerTier.Standard, TierReasonCodes.StandardByArrears)]
    [InlineData(1_200, 1_000, "2026-04,2026-05,2026-06", OwnerTier.Standard, TierReasonCodes.StandardByArrears)]
    public void Qualify_FeesEngagementAndArrears_GiveHighestTierWithReason(
        double yearly,
        int engagement,
        string unpaid,
        OwnerTier expected,
        string expectedCode)
    {
        var qualification = Policy.Qualify(Standing((decimal)yearly, unpaid), engagement);

        Assert.Equal(expected, qualification.Tier);
        Assert.Equal(expectedCode, qualification.ReasonCode);
    }

    [Fact]
    public void Qualify_DiamondFeesWithOneOverdueMonth_IsGoldHeldBackByArrears()
    {
        var standing = Standing(7_200m, "2026-06");

        var qualification = Policy.Qualify(standing, 0);

        Assert.Equal(6_600m, standing.PaidLast12Months);
        Assert.Equal(OwnerTier.Gold, qualification.Tier);
        Assert.True(qualification.HeldBackByArrears);
        Assert.Contains("不能评为钻石", qualification.Reason, StringComparison.Ordinal);
        Assert.Contains("rules out Diamond", qualification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Qualify_DiamondFeesPaidLateButSettled_StaysDiamond()
    {
        var bills = MonthlyBills("2025-07", 12, 500m);
        var payments = PaidOnTime(bills, "2026-06");
        payments.Add(Pay(bills[11], 500m, "2026-06-25T10:00:00+08:00"));

        var qualification = Policy.Qualify(FeeStanding.Derive(bills, payments, D("2026-06-30")), 0);

        Assert.Equal(OwnerTier.Diamond, qualification.Tier);
    }

    [Theory]
    [InlineData(OwnerTier.Standard, TierTrigger.Event)]
    [InlineData(OwnerTier.Standard, TierTrigger.PeriodicReview)]
    [InlineData(OwnerTier.Silver, TierTrigger.Event)]
    public void Assess_QualifiesHigher_UpgradesAtOnceAllTheWay(OwnerTier current, TierTrigger trigger)
    {
        var assessment = Policy.Assess(current, Standing(6_000m), 0, trigger);

        Assert.Equal(OwnerTier.Diamond, assessment.Tier);
        var change = Assert.IsType<TierChange>(assessment.Change);
        Assert.Equal(current, change.From);
        Assert.Equal(OwnerTier.Diamond, change.To);
        Assert.True(change.IsUpgrade);
        Assert.Equal(D("2026-06-30"), change.EffectiveOn);
        Assert.Equal(TierReasonCodes.Upgraded, change.ReasonCode);
        Assert.StartsWith("升级为钻石", change.Reason, StringComparison.Ordinal);
        Assert.Contains(" / Upgraded to Diamond", change.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OwnerTier.Diamond, OwnerTier.Diamond)]
    [InlineData(OwnerTier.Gold, OwnerTier.Gold)]
    public void Assess_QualifiesLowerOnEvent_KeepsTier(OwnerTier current, OwnerTier expected)
    {
        var assessment = Policy.Assess(current, Standing(0m), 0, TierTrigger.Event);

        Assert.Equal(expected, assessment.Tier);
        Assert.Null(assessment.Change);
    }

    [Theory]
    [InlineData(OwnerTier.Diamond, OwnerTier.Gold)]
    [InlineData(OwnerTier.Gold, OwnerTier.Silver)]
    [InlineData(OwnerTier.Silver, OwnerTier.Standard)]
    public void Assess_QualifiesStandardAtReview_DowngradesOneLevelOnly(OwnerTier current, OwnerTier expected)
    {
        var assessment = Policy.Assess(current, Standing(0m), 0, TierTrigger.PeriodicReview);

        Assert.Equal(OwnerTier.Standard, assessment.Qualification.Tier);
        Assert.Equal(expected, assessment.Tier);
        var change = Assert.IsType<TierChange>(assessment.Change);
        Assert.False(change.IsUpgrade);
        Assert.Equal(TierReasonCodes.DowngradedAtReview, change.ReasonCode);
        Assert.StartsWith("定期评审降一级", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_DiamondWithOneLateBillAtReview_DropsToGoldNotStandard()
    {
        var assessment = Policy.Assess(OwnerTier.Diamond, Standing(7_200m, "2026-06"), 0, TierTrigger.PeriodicReview);

        Assert.Equal(OwnerTier.Gold, assessment.Tier);
    }

    [Fact]
    public void Assess_ThreeReviewsOfNoFees_TakeDiamondToStandardOneStepEach()
    {
        var tier = OwnerTier.Diamond;
        var path = new List<OwnerTier>();
        for (var review = 0; review < 4; review++)
        {
            tier = Policy.Assess(tier, Standing(0m), 0, TierTrigger.PeriodicReview).Tier;
            path.Add(tier);
        }

        Assert.Equal(new[] { OwnerTier.Gold, OwnerTier.Silver, OwnerTier.Standard, OwnerTier.Standard }, path);
    }

    [Fact]
    public void Assess_ThirtySixMonthsOfBills_UsesOnlyTheLastTwelve()
    {
        var bills = MonthlyBills("2023-07", 36, 450m);

        var standing = FeeStanding.Derive(bills, PaidOnTime(bills), D("2026-06-30"));
        var assessment = Policy.Assess(OwnerTier.Standard, standing, 0, TierTrigger.Event);

        Assert.Equal(5_400m, standing.PaidLast12Months);
        Assert.Equal(OwnerTier.Diamond, assessment.Tier);
    }

    [Theory]
    [InlineData("2026-01-01", true)]
    [InlineData("2026-04-01", true)]
    [InlineData("2026-10-01", true)]
    [InlineData("2026-02-01", false)]
    [InlineData("2026-04-02", false)]
    public void IsReviewDate_QuarterlyDefault_FirstDayOfEachQuarter(string date, bool expected)
    {
        Assert.Equal(expected, TierRules.Default.IsReviewDate(D(date)));
    }

    [Theory]
    [InlineData("2026-01-01", "2026-04-01")]
    [InlineData("2026-03-31", "2026-04-01")]
    [InlineData("2026-11-15", "2027-01-01")]
    public void NextReviewAfter_Date_IsNextQuarterStart(string date, string expected)
    {
        Assert.Equal(D(expected), TierRules.Default.NextReviewAfter(D(date)));
    }

    [Fact]
    public void TierPolicy_ThresholdsOutOfOrder_ThrowsDomainException()
    {
        var rules = TierRules.Default with { GoldFeesAbove = 6_000m };

        var error = Assert.Throws<DomainException>(() => new TierPolicy(rules));

        Assert.Equal(LoyaltyErrorCodes.InvalidTierRules, error.Code);
    }

    [Fact]
    public void Qualify_AdminRaisesDiamondThreshold_UsesTheNewThreshold()
    {
        var policy = new TierPolicy(TierRules.Default with { DiamondFeesAbove = 8_000m });

        Assert.Equal(OwnerTier.Gold, policy.Qualify(Standing(7_200m), 0).Tier);
    }
}
