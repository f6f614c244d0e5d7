using System;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Fees;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Domain.Loyalty.Tiers;
using static PropertyCrm.Tests.Domain.Loyalty.LoyaltyFixtures;

namespace PropertyCrm.Tests.Domain.Loyalty;

public sealed class PointsEarnTests
{
    [Theory]
    [InlineData(LoyaltyEventKind.FeePaidOnTime, 200.0)]
    [InlineData(LoyaltyEventKind.SurveyCompleted, null)]
    [InlineData(LoyaltyEventKind.CommunityEventAttended, null)]
    [InlineData(LoyaltyEventKind.SuggestionAdopted, null)]
    [InlineData(LoyaltyEventKind.Referral, null)]
    [InlineData(LoyaltyEventKind.FirstAppUse, null)]
    public void Earn_SameSourceTwice_SecondIsAlreadyAppliedWithoutNewEntry(LoyaltyEventKind kind, double? amount)
    {
        var script = new PointsScript();
        var first = script.Earn(kind, "src-1", "2026-03-05T10:00:00+08:00", (decimal?)amount);

        var second = script.Earn(kind, "src-1", "2026-03-06T10:00:00+08:00", (decimal?)amount);

        Assert.Equal(EarnOutcome.Awarded, first.Outcome);
        Assert.Equal(EarnOutcome.AlreadyApplied, second.Outcome);
        Assert.Equal(PointsReasonCodes.AlreadyApplied, second.ReasonCode);
        Assert.Same(first.Entry, second.Entry);
        Assert.Equal(0, second.Points);
        Assert.Single(script.Ledger.Entries);
        Assert.Equal(first.Points, script.Ledger.Balance);
    }

    [Fact]
    public void Earn_ReplayAfterAdminSwitchedTheRuleOff_StillFindsTheEarlierAward()
    {
        var script = new PointsScript();
        var first = script.Earn(LoyaltyEventKind.Referral, "r-1", "2026-03-05T10:00:00+08:00");
        var switchedOff = new PointsEngine(PointsRules.Default with
        {
            EarnRules = new[] { new EarnRule(EarnRuleCode.Referral) { PointsPerEvent = 200, Enabled = false } },
        });

        var replay = switchedOff.Earn(
            script.Ledger,
            new LoyaltyEvent(LoyaltyEventKind.Referral, "r-1", Iso.At("2026-03-05T10:00:00+08:00")),
            OwnerTier.Standard,
            Iso.At("2026-03-06T10:00:00+08:00"));

        Assert.Equal(EarnOutcome.AlreadyApplied, replay.Outcome);
        Assert.Same(first.Entry, replay.Entry);
    }

    [Fact]
    public void Earn_ServiceRequestFiled_EarnsNothingWhateverTheConfiguration()
    {
        var script = new PointsScript();

        var results = new[]
        {
            script.Earn(LoyaltyEventKind.ServiceRequestFiled, "req-1", "2026-03-05T10:00:00+08:00"),
            script.Earn(LoyaltyEventKind.ServiceRequestFiled, "req-2", "2026-03-05T11:00:00+08:00", 100m, OwnerTier.Diamond),
        };

        foreach (var result in results)
        {
            Assert.Equal(EarnOutcome.NotEarning, result.Outcome);
            Assert.Equal(PointsReasonCodes.ServiceRequestsEarnNothing, result.ReasonCode);
            Assert.Null(result.Entry);
        }

        Assert.Empty(script.Ledger.Entries);
        Assert.Equal(0, script.Ledger.Balance);
        Assert.DoesNotContain(Enum.GetNames(typeof(EarnRuleCode)), name => name.Contains("Request", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Earn_LatePayment_EarnsNothing()
    {
        var result = new PointsScript().Earn(LoyaltyEventKind.FeePaidLate, "pay-1", "2026-03-20T10:00:00+08:00", 200m);

        Assert.Equal(EarnOutcome.NotEarning, result.Outcome);
        Assert.Equal(PointsReasonCodes.LatePaymentEarnsNothing, result.ReasonCode);
    }

    [Theory]
    [InlineData(OwnerTier.Standard, 200.0, 20)]
    [InlineData(OwnerTier.Silver, 200.0, 22)]
    [InlineData(OwnerTier.Gold, 200.0, 24)]
    [InlineData(OwnerTier.Diamond, 200.0, 30)]
    [InlineData(OwnerTier.Standard, 205.5, 20)]
    [InlineData(OwnerTier.Diamond, 205.5, 30)]
    [InlineData(OwnerTier.Diamond, 9.0, 1)]
    public void Earn_OnTimeFeePayment_PointsPerYuanTimesTierMultiplierRoundedDown(OwnerTier tier, double amount, int expected)
    {
        var result = new PointsScript().Earn(LoyaltyEventKind.FeePaidOnTime, "pay-1", "2026-03-10T10:00:00+08:00", (decimal)amount, tier);

        Assert.Equal(EarnOutcome.Awarded, result.Outcome);
        Assert.Equal(expected, result.Points);
        Assert.Equal(expected, result.Entry!.Points);
    }

    [Fact]
    public void Earn_FeeAmountBelowOnePoint_EarnsNothing()
    {
        var result = new PointsScript().Earn(LoyaltyEventKind.FeePaidOnTime, "pay-1", "2026-03-10T10:00:00+08:00", 9.99m);

        Assert.Equal(EarnOutcome.NotEarning, result.Outcome);
        Assert.Equal(PointsReasonCodes.TooSmall, result.ReasonCode);
    }

    [Theory]
    [InlineData(OwnerTier.Standard, 50)]
    [InlineData(OwnerTier.Diamond, 100)]
    public void Earn_ActivityRuleWithMultiplier_AppliesTheTierMultiplier(OwnerTier tier, int expected)
    {
        var rules = PointsRules.Default with
        {
            EarnRules = new[]
            {
                new EarnRule(EarnRuleCode.CommunityEventAttended) { PointsPerEvent = 50, Multipliers = new TierMultipliers { Diamond = 2m } },
            },
        };

        var result = new PointsScript(rules).Earn(LoyaltyEventKind.CommunityEventAttended, "ev-1", "2026-03-10T10:00:00+08:00", tier: tier);

        Assert.Equal(expected, result.Points);
    }

    [Fact]
    public void Earn_FiveEventsInAMonth_FourAwardedThenCapReached()
    {
        var script = new PointsScript();
        var outcomes = new EarnOutcome[5];
        for (var i = 0; i < 5; i++)
        {
            outcomes[i] = script.Earn(LoyaltyEventKind.CommunityEventAttended, "ev-" + i, $"2026-03-{10 + i}T10:00:00+08:00").Outcome;
        }

        var nextMonth = script.Earn(LoyaltyEventKind.CommunityEventAttended, "ev-5", "2026-04-01T10:00:00+08:00");

        Assert.Equal(new[] { EarnOutcome.Awarded, EarnOutcome.Awarded, EarnOutcome.Awarded, EarnOutcome.Awarded, EarnOutcome.CapReached }, outcomes);
        Assert.Equal(200, script.Ledger.EarnedInMonth(EarnRuleCode.CommunityEventAttended, YearMonth.Parse("2026-03")));
        Assert.Equal(EarnOutcome.Awarded, nextMonth.Outcome);
        Assert.Equal(250, script.Ledger.Balance);
    }

    [Fact]
    public void Earn_AwardCrossingTheCap_IsCutToWhatIsLeft()
    {
        var rules = PointsRules.Default with
        {
            EarnRules = new[] { new EarnRule(EarnRuleCode.SurveyCompleted) { PointsPerEvent = 20, MonthlyCap = 50 } },
        };
        var script = new PointsScript(rules);
        script.Earn(LoyaltyEventKind.SurveyCompleted, "s-1", "2026-03-01T10:00:00+08:00");
        script.Earn(LoyaltyEventKind.SurveyCompleted, "s-2", "2026-03-02T10:00:00+08:00");

        var third = script.Earn(LoyaltyEventKind.SurveyCompleted, "s-3", "2026-03-03T10:00:00+08:00");

        Assert.Equal(EarnOutcome.Awarded, third.Outcome);
        Assert.Equal(PointsReasonCodes.AwardedUpToCap, third.ReasonCode);
        Assert.Equal(10, third.Points);
    }

    [Theory]
    [InlineData("2026-03-31T15:59:59Z", "2026-03")]
    [InlineData("2026-03-31T16:00:00Z", "2026-04")]
    public void Earn_EventNearMonthEnd_CountsTowardsTheCapOfItsChinaMonth(string at, string expectedMonth)
    {
        var script = new PointsScript();

        script.Earn(LoyaltyEventKind.CommunityEventAttended, "ev-1", at);

        Assert.Equal(50, script.Ledger.EarnedInMonth(EarnRuleCode.CommunityEventAttended, YearMonth.Parse(expectedMonth)));
    }

    [Fact]
    public void Earn_AfterAnAwardWasReversed_CapHasRoomAgain()
    {
        var script = new PointsScript();
        var keys = new string[4];
        for (var i = 0; i < 4; i++)
        {
            keys[i] = script.Attend("ev-" + i, $"2026-03-{10 + i}T10:00:00+08:00");
        }

        script.Reverse(keys[0], "2026-03-20T10:00:00+08:00");
        var fifth = script.Earn(LoyaltyEventKind.CommunityEventAttended, "ev-4", "2026-03-21T10:00:00+08:00");

        Assert.Equal(EarnOutcome.Awarded, fifth.Outcome);
        Assert.Equal(200, script.Ledger.EarnedInMonth(EarnRuleCode.CommunityEventAttended, YearMonth.Parse("2026-03")));
    }

    [Fact]
    public void Earn_FirstAppUseFromTwoSources_AwardsOnlyOnce()
    {
        var script = new PointsScript();

        var app = script.Earn(LoyaltyEventKind.FirstAppUse, "app-login-1", "2026-03-05T10:00:00+08:00");
        var miniProgram = script.Earn(LoyaltyEventKind.FirstAppUse, "mini-login-7", "2026-04-05T10:00:00+08:00");

        Assert.Equal(EarnOutcome.Awarded, app.Outcome);
        Assert.Equal(100, app.Points);
        Assert.Equal(EarnOutcome.AlreadyApplied, miniProgram.Outcome);
        Assert.Equal(100, script.Ledger.Balance);
    }

    [Theory]
    [InlineData("2026-03-05T10:00:00+08:00", 2, "2028-12-31")]
    [InlineData("2026-01-01T00:00:00+08:00", 2, "2028-12-31")]
    [InlineData("2026-12-31T23:30:00+08:00", 2, "2028-12-31")]
    [InlineData("2026-12-31T16:30:00Z", 2, "2029-12-31")]
    [InlineData("2026-03-05T10:00:00+08:00", 0, "2026-12-31")]
    [InlineData("2026-03-05T10:00:00+08:00", 1, "2027-12-31")]
    public void Earn_AnyRule_LotExpiresAtEndOfConfiguredCalendarYear(string at, int years, string expected)
    {
        var script = new PointsScript(PointsRules.Default with { ExpiryYearsAfterEarning = years });

        var result = script.Earn(LoyaltyEventKind.SurveyCompleted, "s-1", at);

        Assert.Equal(D(expected), result.Entry!.ExpiresOn);
    }

    [Fact]
    public void Earn_EventWhosePointsWouldAlreadyHaveExpired_EarnsNothing()
    {
        var result = new PointsScript().Earn(
            LoyaltyEventKind.SurveyCompleted, "s-1", "2023-06-01T10:00:00+08:00", now: "2026-01-01T00:00:00+08:00");

        Assert.Equal(EarnOutcome.NotEarning, result.Outcome);
        Assert.Equal(PointsReasonCodes.AlreadyExpired, result.ReasonCode);
    }

    [Theory]
    [InlineData(false, PointsReasonCodes.RuleDisabled)]
    [InlineData(true, PointsReasonCodes.NoRule)]
    public void Earn_RuleSwitchedOffOrMissing_EarnsNothing(bool removeRule, string expectedCode)
    {
        var rules = PointsRules.Default with
        {
            EarnRules = removeRule
                ? Array.Empty<EarnRule>()
                : new[] { new EarnRule(EarnRuleCode.Referral) { PointsPerEvent = 200, Enabled = false } },
        };

        var result = new PointsScript(rules).Earn(LoyaltyEventKind.Referral, "r-1", "2026-03-05T10:00:00+08:00");

        Assert.Equal(EarnOutcome.NotEarning, result.Outcome);
        Assert.Equal(expectedCode, result.ReasonCode);
    }

    [Theory]
    [InlineData("2026-03-15T23:59:00+08:00", LoyaltyEventKind.FeePaidOnTime)]
    [InlineData("2026-03-16T00:00:00+08:00", LoyaltyEventKind.FeePaidLate)]
    public void ForFeePayment_PaymentAroundDueDate_IsDerivedOnTimeOrLate(string paidAt, LoyaltyEventKind expected)
    {
        var bill = new FeeBill("B1", YearMonth.Parse("2026-03"), 200m, D("2026-03-15"));

        var loyaltyEvent = LoyaltyEvent.ForFeePayment(bill, Pay(bill, 5_000m, paidAt));

        Assert.Equal(expected, loyaltyEvent.Kind);
        Assert.Equal(200m, loyaltyEvent.Amount);
    }

    [Fact]
    public void Earn_FeeEventWithoutAmount_ThrowsDomainException()
    {
        var error = Assert.Throws<DomainException>(() => new PointsScript().Earn(LoyaltyEventKind.FeePaidOnTime, "p-1", "2026-03-05T10:00:00+08:00"));

        Assert.Equal(LoyaltyErrorCodes.FeeEventWithoutAmount, error.Code);
    }

    [Fact]
    public void PointsEngine_DuplicateRuleCodes_ThrowsDomainException()
    {
        var rules = PointsRules.Default with
        {
            EarnRules = new[]
            {
                new EarnRule(EarnRuleCode.Referral) { PointsPerEvent = 200 },
                new EarnRule(EarnRuleCode.Referral) { PointsPerEvent = 100 },
            },
        };

        var error = Assert.Throws<DomainException>(() => new PointsEngine(rules));

        Assert.Equal(LoyaltyErrorCodes.InvalidPointsRules, error.Code);
    }

    [Fact]
    public void EngagementPoints_MixedLedger_CountsActivityAwardsInWindowNotFeesNorReversed()
    {
        var script = new PointsScript();
        script.Attend("ev-old", "2025-06-30T10:00:00+08:00");
        script.Attend("ev-edge", "2025-07-01T10:00:00+08:00");
        script.Earn(LoyaltyEventKind.FeePaidOnTime, "pay-1", "2026-01-15T10:00:00+08:00", 2_000m);
        var reversed = script.Attend("ev-reversed", "2026-02-01T10:00:00+08:00");
        script.Reverse(reversed, "2026-02-02T10:00:00+08:00");
        script.Earn(LoyaltyEventKind.SuggestionAdopted, "sg-1", "2026-06-30T10:00:00+08:00");
        script.Redeem(PointsScript.Voucher(cost: 100), "rd-1", "2026-06-30T12:00:00+08:00");

        Assert.Equal(150, script.Ledger.EngagementPoints(D("2026-06-30")));
    }
}
