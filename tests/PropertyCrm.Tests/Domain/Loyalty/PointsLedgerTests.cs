using System;
using System.Linq;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Domain.Loyalty.Tiers;
using static PropertyCrm.Tests.Domain.Loyalty.LoyaltyFixtures;

namespace PropertyCrm.Tests.Domain.Loyalty;

public sealed class PointsLedgerTests
{
    /// <summary>Three 50-point lots: earned 2025-03 (expires 2027-12-31), 2026-01 and 2026-02 (both 2028-12-31).</summary>
    private static (PointsScript Script, string Oldest, string Middle, string Newest) ThreeLots()
    {
        var script = new PointsScript();
        var oldest = script.Attend("ev-a", "2025-03-10T10:00:00+08:00");
        var middle = script.Attend("ev-b", "2026-01-10T10:00:00+08:00");
        var newest = script.Attend("ev-c", "2026-02-10T10:00:00+08:00");
        return (script, oldest, middle, newest);
    }

    [Fact]
    public void Redeem_SpansLots_TakesOldestLotsFirst()
    {
        var (script, oldest, middle, newest) = ThreeLots();

        var result = script.Redeem(PointsScript.Voucher(cost: 80), "rd-1", "2026-03-01T10:00:00+08:00");

        Assert.Equal(new[] { new LotAllocation(oldest, 50), new LotAllocation(middle, 30) }, result.Allocations);
        Assert.Equal(result.Allocations, script.Ledger.AllocationsOf(result.Redemption.Key));
        var left = script.Ledger.AvailableLots(Iso.At("2026-03-01T10:00:00+08:00"));
        Assert.Equal(new[] { middle, newest }, left.Select(lot => lot.LotKey));
        Assert.Equal(new[] { 20, 50 }, left.Select(lot => lot.Remaining));
        Assert.Equal(70, result.BalanceAfter);
        Assert.Equal(70, script.Ledger.Balance);
    }

    [Fact]
    public void Redeem_LateArrivingOlderAward_IsSpentBeforeNewerLots()
    {
        var script = new PointsScript();
        var newer = script.Attend("ev-new", "2026-02-10T10:00:00+08:00");
        var older = script.Earn(LoyaltyEventKind.SurveyCompleted, "sv-old", "2025-11-10T10:00:00+08:00", now: "2026-02-11T10:00:00+08:00").Entry!.Key;

        var result = script.Redeem(PointsScript.Voucher(cost: 30), "rd-1", "2026-03-01T10:00:00+08:00");

        Assert.Equal(new[] { new LotAllocation(older, 20), new LotAllocation(newer, 10) }, result.Allocations);
    }

    [Theory]
    [InlineData(150, 0)]
    [InlineData(149, 1)]
    public void Redeem_UpToTheBalance_LeavesTheRest(int cost, int expectedLeft)
    {
        var (script, _, _, _) = ThreeLots();

        var result = script.Redeem(PointsScript.Voucher(cost), "rd-1", "2026-03-01T10:00:00+08:00");

        Assert.Equal(expectedLeft, result.BalanceAfter);
        Assert.Equal(expectedLeft, script.Ledger.Balance);
    }

    [Theory]
    [InlineData(151, 1)]
    [InlineData(50, 4)]
    public void Redeem_MoreThanTheBalance_ThrowsAndAppendsNothing(int cost, int quantity)
    {
        var (script, _, _, _) = ThreeLots();
        var before = script.Ledger;

        var error = Assert.Throws<DomainException>(() => script.Redeem(PointsScript.Voucher(cost), "rd-1", "2026-03-01T10:00:00+08:00", quantity));

        Assert.Equal(LoyaltyErrorCodes.InsufficientBalance, error.Code);
        Assert.StartsWith("积分余额不足", error.Message, StringComparison.Ordinal);
        Assert.Contains("/ Insufficient points balance", error.Message, StringComparison.Ordinal);
        Assert.Same(before, script.Ledger);
        Assert.Equal(150, script.Ledger.Balance);
    }

    [Fact]
    public void Redeem_LotPastExpiryNotYetSwept_IsExpiredFirstAndNotSpendable()
    {
        var (script, oldest, _, _) = ThreeLots();

        var error = Assert.Throws<DomainException>(() => script.Redeem(PointsScript.Voucher(cost: 101), "rd-1", "2028-01-01T00:00:00+08:00"));
        var result = script.Redeem(PointsScript.Voucher(cost: 100), "rd-2", "2028-01-01T00:00:00+08:00");

        Assert.Equal(LoyaltyErrorCodes.InsufficientBalance, error.Code);
        Assert.Equal(new[] { LedgerEntryKind.Expire, LedgerEntryKind.Redeem }, result.Entries.Select(entry => entry.Kind));
        Assert.Equal(oldest, result.Entries[0].LotKey);
        Assert.Equal(0, script.Ledger.Balance);
    }

    [Fact]
    public void Redeem_SameRedemptionTwice_SecondIsAlreadyAppliedAndKeepsStock()
    {
        var (script, _, _, _) = ThreeLots();
        var reward = PointsScript.Voucher(cost: 50, stock: 10);

        var first = script.Redeem(reward, "rd-1", "2026-03-01T10:00:00+08:00");
        var second = script.Redeem(reward with { Stock = first.StockAfter }, "rd-1", "2026-03-01T10:05:00+08:00");

        Assert.False(first.AlreadyApplied);
        Assert.Equal(9, first.StockAfter);
        Assert.True(second.AlreadyApplied);
        Assert.Empty(second.Entries);
        Assert.Equal(9, second.StockAfter);
        Assert.Equal(100, script.Ledger.Balance);
    }

    [Theory]
    [InlineData(0, 1, LoyaltyErrorCodes.RewardOutOfStock)]
    [InlineData(2, 3, LoyaltyErrorCodes.RewardOutOfStock)]
    public void Redeem_NotEnoughStock_ThrowsDomainException(int stock, int quantity, string expectedCode)
    {
        var (script, _, _, _) = ThreeLots();

        var error = Assert.Throws<DomainException>(() => script.Redeem(PointsScript.Voucher(cost: 10, stock: stock), "rd-1", "2026-03-01T10:00:00+08:00", quantity));

        Assert.Equal(expectedCode, error.Code);
    }

    [Theory]
    [InlineData(OwnerTier.Gold, false)]
    [InlineData(OwnerTier.Diamond, true)]
    public void Redeem_DiamondOnlyReward_NeedsDiamondTier(OwnerTier tier, bool allowed)
    {
        var (script, _, _, _) = ThreeLots();
        var reward = new RewardItem("BUTLER-DAY", RewardKind.Housekeeping, "私人管家日 / Private butler day", 100) { MinimumTier = OwnerTier.Diamond };

        var attempt = Record.Exception(() => script.Redeem(reward, "rd-1", "2026-03-01T10:00:00+08:00", tier: tier));

        if (allowed)
        {
            Assert.Null(attempt);
        }
        else
        {
            Assert.Equal(LoyaltyErrorCodes.RewardTierTooLow, Assert.IsType<DomainException>(attempt).Code);
        }
    }

    [Fact]
    public void Redeem_WithdrawnReward_ThrowsDomainException()
    {
        var (script, _, _, _) = ThreeLots();

        var error = Assert.Throws<DomainException>(() => script.Redeem(PointsScript.Voucher() with { Active = false }, "rd-1", "2026-03-01T10:00:00+08:00"));

        Assert.Equal(LoyaltyErrorCodes.RewardInactive, error.Code);
    }

    [Theory]
    [InlineData("2028-12-31T23:59:59+08:00", 0)]
    [InlineData("2028-12-31T15:59:59Z", 0)]
    [InlineData("2029-01-01T00:00:00+08:00", 50)]
    [InlineData("2028-12-31T16:00:00Z", 50)]
    public void SweepExpired_AroundEndOfExpiryDayInChina_ExpiresFromMidnight(string now, int expected)
    {
        var script = new PointsScript();
        script.Attend("ev-1", "2026-03-05T10:00:00+08:00");

        var sweep = script.Engine.SweepExpired(script.Ledger, Iso.At(now));

        Assert.Equal(expected, sweep.ExpiredPoints);
        Assert.Equal(expected == 0 ? 50 : 0, script.Ledger.AvailableBalance(Iso.At(now)));
    }

    [Theory]
    [InlineData("2028-12-31", 0)]
    [InlineData("2029-01-01", 50)]
    public void SweepExpired_ForAChinaDate_ExpiresLotsWhoseLastDayWasBefore(string date, int expected)
    {
        var script = new PointsScript();
        script.Attend("ev-1", "2026-03-05T10:00:00+08:00");

        var sweep = script.Engine.SweepExpired(script.Ledger, D(date));

        Assert.Equal(expected, sweep.ExpiredPoints);
    }

    [Fact]
    public void SweepExpired_SeveralLots_ExpiresDueLotsOldestFirstDatedAtTheirExpiry()
    {
        var (script, oldest, middle, newest) = ThreeLots();
        script.Redeem(PointsScript.Voucher(cost: 30), "rd-1", "2026-03-01T10:00:00+08:00");

        var sweep = script.Sweep("2029-01-01T03:00:00+08:00");

        Assert.Equal(new[] { oldest, middle, newest }, sweep.Entries.Select(entry => entry.LotKey));
        Assert.Equal(new[] { -20, -50, -50 }, sweep.Entries.Select(entry => entry.Points));
        Assert.Equal(Iso.At("2028-01-01T00:00:00+08:00"), sweep.Entries[0].OccurredAt);
        Assert.Equal(Iso.At("2029-01-01T00:00:00+08:00"), sweep.Entries[2].OccurredAt);
        Assert.Equal(120, sweep.ExpiredPoints);
        Assert.Equal(0, script.Ledger.Balance);
    }

    [Fact]
    public void SweepExpired_RunTwice_SecondFindsNothing()
    {
        var (script, _, _, _) = ThreeLots();
        script.Sweep("2028-01-01T00:00:00+08:00");

        var second = script.Sweep("2028-01-01T00:00:00+08:00");

        Assert.Empty(second.Entries);
        Assert.Equal(100, script.Ledger.Balance);
    }

    [Theory]
    [InlineData("2027-12", 0)]
    [InlineData("2028-12", 70)]
    [InlineData("2028-11", 0)]
    public void ExpiringIn_Month_SumsWhatIsLeftOfLotsEndingThatMonth(string month, int expected)
    {
        var (script, _, _, _) = ThreeLots();
        script.Redeem(PointsScript.Voucher(cost: 30), "rd-1", "2026-03-01T10:00:00+08:00");
        script.Redeem(PointsScript.Voucher(cost: 50), "rd-2", "2026-03-02T10:00:00+08:00");

        var expiring = script.Ledger.ExpiringIn(YearMonth.Parse(month));

        Assert.Equal(expected, expiring.Points);
    }

    [Fact]
    public void ExpiringIn_UntouchedLots_ListsThemWithTheirRemainder()
    {
        var (script, oldest, _, _) = ThreeLots();

        var expiring = script.Ledger.ExpiringIn(YearMonth.Parse("2027-12"));

        Assert.Equal(50, expiring.Points);
        Assert.Equal(oldest, Assert.Single(expiring.Lots).LotKey);
    }

    [Fact]
    public void Reverse_Award_TakesWhatIsLeftOfItsLotAndClosesIt()
    {
        var (script, _, _, newest) = ThreeLots();

        var result = script.Reverse(newest, "2026-03-01T10:00:00+08:00");

        Assert.False(result.AlreadyApplied);
        Assert.Equal(LedgerEntryKind.Reversal, result.Reversal.Kind);
        Assert.Equal(newest, result.Reversal.ReversesKey);
        Assert.Equal(-50, result.Reversal.Points);
        Assert.Equal(100, script.Ledger.Balance);
        Assert.DoesNotContain(script.Ledger.AvailableLots(Iso.At("2026-03-01T10:00:00+08:00")), lot => lot.LotKey == newest);
    }

    [Fact]
    public void Reverse_Redemption_PutsPointsBackIntoTheOriginalLots()
    {
        var (script, oldest, middle, _) = ThreeLots();
        var redemption = script.Redeem(PointsScript.Voucher(cost: 80), "rd-1", "2026-03-01T10:00:00+08:00");

        var result = script.Reverse(redemption.Redemption.Key, "2026-03-02T10:00:00+08:00");

        Assert.Equal(80, result.Reversal.Points);
        Assert.Equal(150, script.Ledger.Balance);
        var lots = script.Ledger.AvailableLots(Iso.At("2026-03-02T10:00:00+08:00"));
        Assert.Equal(new[] { oldest, middle }, lots.Take(2).Select(lot => lot.LotKey));
        Assert.All(lots, lot => Assert.Equal(50, lot.Remaining));
    }

    [Fact]
    public void Reverse_AwardPartlySpentThenItsRedemption_SpentPartDoesNotComeBack()
    {
        var script = new PointsScript();
        var wrong = script.Attend("ev-wrong", "2026-01-10T10:00:00+08:00");
        script.Attend("ev-good", "2026-02-10T10:00:00+08:00");
        var redemption = script.Redeem(PointsScript.Voucher(cost: 70), "rd-1", "2026-03-01T10:00:00+08:00");

        var awardReversal = script.Reverse(wrong, "2026-03-02T10:00:00+08:00");
        var redemptionReversal = script.Reverse(redemption.Redemption.Key, "2026-03-03T10:00:00+08:00");

        Assert.Equal(0, awardReversal.Reversal.Points);
        Assert.Equal(20, redemptionReversal.Reversal.Points);
        Assert.Equal(50, script.Ledger.Balance);
    }

    [Fact]
    public void Reverse_Expiry_RestoresThenNextSweepExpiresAgainUnderANewKey()
    {
        var (script, oldest, _, _) = ThreeLots();
        var sweep = script.Sweep("2028-01-01T00:00:00+08:00");

        script.Reverse(sweep.Entries[0].Key, "2028-01-02T10:00:00+08:00");
        var again = script.Sweep("2028-01-03T00:00:00+08:00");

        Assert.Equal(LedgerKeys.Expire(oldest, 1), sweep.Entries[0].Key);
        Assert.Equal(LedgerKeys.Expire(oldest, 2), Assert.Single(again.Entries).Key);
        Assert.Equal(100, script.Ledger.Balance);
    }

    [Fact]
    public void Reverse_SameEntryTwice_SecondIsAlreadyApplied()
    {
        var (script, _, _, newest) = ThreeLots();
        var first = script.Reverse(newest, "2026-03-01T10:00:00+08:00");

        var second = script.Reverse(newest, "2026-03-01T11:00:00+08:00");

        Assert.True(second.AlreadyApplied);
        Assert.Same(first.Reversal, second.Reversal);
        Assert.Equal(100, script.Ledger.Balance);
    }

    [Theory]
    [InlineData(true, LoyaltyErrorCodes.ReversalOfReversal)]
    [InlineData(false, LoyaltyErrorCodes.UnknownEntry)]
    public void Reverse_AReversalOrAnUnknownKey_ThrowsDomainException(bool reverseTheReversal, string expectedCode)
    {
        var (script, _, _, newest) = ThreeLots();
        var reversal = script.Reverse(newest, "2026-03-01T10:00:00+08:00");

        var error = Assert.Throws<DomainException>(
            () => script.Reverse(reverseTheReversal ? reversal.Reversal.Key : "earn:event:nope", "2026-03-01T11:00:00+08:00"));

        Assert.Equal(expectedCode, error.Code);
    }

    [Fact]
    public void From_RedemptionLargerThanTheLots_RefusesTheLedger()
    {
        var earn = PointsLedgerEntry.Earn("earn:event:e1", 1, EarnRuleCode.CommunityEventAttended, "e1", 50, Iso.At("2026-01-10T10:00:00+08:00"), D("2028-12-31"), "活动 / Event");
        var redeem = PointsLedgerEntry.Redeem("redeem:r1", 2, "r1", "GIFT", 1, -60, Iso.At("2026-02-10T10:00:00+08:00"), "兑换 / Redeemed");

        var error = Assert.Throws<DomainException>(() => PointsLedger.From(new[] { earn, redeem }));

        Assert.Equal(LoyaltyErrorCodes.LedgerCorrupt, error.Code);
    }

    [Theory]
    [InlineData("earn:event:e1", 2)]
    [InlineData("earn:event:e2", 1)]
    public void From_DuplicateKeyOrSequence_RefusesTheLedger(string secondKey, long secondSequence)
    {
        var first = PointsLedgerEntry.Earn("earn:event:e1", 1, EarnRuleCode.CommunityEventAttended, "e1", 50, Iso.At("2026-01-10T10:00:00+08:00"), D("2028-12-31"), string.Empty);
        var second = PointsLedgerEntry.Earn(
            secondKey,
            secondSequence,
            EarnRuleCode.CommunityEventAttended,
            "e2",
            50,
            Iso.At("2026-01-11T10:00:00+08:00"),
            D("2028-12-31"),
            string.Empty);

        var error = Assert.Throws<DomainException>(() => PointsLedger.From(new[] { first, second }));

        Assert.Equal(LoyaltyErrorCodes.LedgerCorrupt, error.Code);
    }

    [Fact]
    public void From_ReversalWithWrongAmount_RefusesTheLedger()
    {
        var earn = PointsLedgerEntry.Earn("earn:event:e1", 1, EarnRuleCode.CommunityEventAttended, "e1", 50, Iso.At("2026-01-10T10:00:00+08:00"), D("2028-12-31"), string.Empty);
        var reversal = PointsLedgerEntry.Reversal("reverse:earn:event:e1", 2, "earn:event:e1", -80, Iso.At("2026-01-11T10:00:00+08:00"), string.Empty);

        var error = Assert.Throws<DomainException>(() => PointsLedger.From(new[] { earn, reversal }));

        Assert.Equal(LoyaltyErrorCodes.LedgerCorrupt, error.Code);
    }

    [Fact]
    public void From_StoredEntriesInAnyOrder_ReplaysToTheSameLedger()
    {
        var (script, _, _, _) = ThreeLots();
        script.Redeem(PointsScript.Voucher(cost: 80), "rd-1", "2026-03-01T10:00:00+08:00");

        var reloaded = PointsLedger.From(script.Ledger.Entries.Reverse());

        Assert.Equal(script.Ledger.Balance, reloaded.Balance);
        Assert.Equal(script.Ledger.Entries, reloaded.Entries);
        Assert.Equal(script.Ledger.NextSequence, reloaded.NextSequence);
    }

    [Fact]
    public void AvailableBalance_LotPastExpiryNotSwept_ExcludedWhileBalanceStillCountsIt()
    {
        var (script, _, _, _) = ThreeLots();

        Assert.Equal(150, script.Ledger.Balance);
        Assert.Equal(100, script.Ledger.AvailableBalance(Iso.At("2028-01-01T00:00:00+08:00")));
    }
}
