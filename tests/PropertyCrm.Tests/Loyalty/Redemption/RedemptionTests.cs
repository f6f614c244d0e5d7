using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Steps.Loyalty.Redemption;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;
using static PropertyCrm.Tests.Support.RealThreads;

namespace PropertyCrm.Tests.Loyalty.Redemption;

/// <summary>
/// pcrm_redemption create (pre-operation) and the pcrm_RedeemReward Custom API through the harness pipeline.
/// Call budget of a redemption (plug-in calls): reads 3 (owner, ledger, reward) + 1 with limited stock; writes
/// 1 owner lock + 1 balance + 1 Redeem entry (+1 per lot expired on the way) + 2 with limited stock.
/// </summary>
public sealed class RedemptionTests
{
    private readonly LoyaltyBed bed = new();

    [Fact]
    public void Create_CostAcrossTwoLots_TakesOldestLotFirstAndWritesBalance()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (100, "2025-12-31"), (100, "2026-12-31"));
        var reward = bed.Data.Reward(cost: 150);

        var id = bed.Service.Create(DataProducer.NewRedemption(owner, reward));
        var calls = bed.Dataverse.LastExecution.PluginCalls;

        var redemption = bed.Dataverse.Peek(RedemptionTable.LogicalName, id)!;
        Assert.Equal(150, redemption[RedemptionTable.Columns.Points]);
        Assert.Equal(1, redemption[RedemptionTable.Columns.Quantity]);
        Assert.Equal(bed.Dataverse.Clock.UtcNow, redemption[RedemptionTable.Columns.RedeemedOn]);
        var entryRef = redemption.GetAttributeValue<EntityReference>(RedemptionTable.Columns.LedgerEntry);
        var entry = bed.Dataverse.Peek(PointsEntryTable.LogicalName, entryRef.Id)!;
        Assert.Equal(-150, entry[PointsEntryTable.Columns.Points]);
        Assert.Equal("redeem:" + id.ToString("N"), entry[PointsEntryTable.Columns.IdempotencyKey]);

        var lot = Assert.Single(bed.Ledger(owner).AvailableLots(new DateTimeOffset(bed.Dataverse.Clock.UtcNow, TimeSpan.Zero)));
        Assert.Equal(new PropertyCrm.Domain.Loyalty.ChinaDate(2026, 12, 31), lot.ExpiresOn);
        Assert.Equal(50, lot.Remaining);
        Assert.Equal(50, bed.Balance(owner));
        Assert.Equal(bed.LedgerSum(owner), bed.Balance(owner));

        Assert.Equal(3, calls.Reads);
        Assert.Equal(3, calls.Writes);
        Assert.Equal(0, bed.Dataverse.AllColumnsRequests);
    }

    [Fact]
    public void Create_BalanceShort_RefusedBilinguallyAndNothingSaved()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (100, "2026-12-31"));
        var reward = bed.Data.Reward(cost: 60, stock: 5);

        var fault = Assert.Throws<DataverseFaultException>(() => bed.Service.Create(DataProducer.NewRedemption(owner, reward, quantity: 2)));

        Assert.Equal(DataverseErrorCodes.IsvAborted, fault.ErrorCode);
        Assert.Contains("积分余额不足", fault.Message);
        Assert.Contains("Insufficient points balance", fault.Message);
        Assert.Equal(0, bed.Dataverse.Count(RedemptionTable.LogicalName));
        Assert.Single(bed.Entries(owner));
        Assert.Equal(100, bed.Balance(owner));
        Assert.Equal(5, bed.Stock(reward));
    }

    [Fact]
    public void Create_StockExhausted_RefusedAndNothingSaved()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (500, "2026-12-31"));
        var reward = bed.Data.Reward(cost: 10, stock: 1);

        bed.Service.Create(DataProducer.NewRedemption(owner, reward));
        Assert.Equal(0, bed.Stock(reward));
        Assert.Equal(490, bed.Balance(owner));
        var limitedCalls = bed.Dataverse.LastExecution.PluginCalls;
        Assert.Equal(4, limitedCalls.Reads);
        Assert.Equal(5, limitedCalls.Writes);

        var fault = Assert.Throws<DataverseFaultException>(() => bed.Service.Create(DataProducer.NewRedemption(owner, reward)));
        Assert.Contains("库存不足", fault.Message);
        Assert.Contains("in stock", fault.Message);
        Assert.Equal(1, bed.Dataverse.Count(RedemptionTable.LogicalName));
        Assert.Equal(490, bed.Balance(owner));
        Assert.Equal(0, bed.Stock(reward));
    }

    [Fact]
    public void Create_UnlimitedStock_StaysBlank()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (500, "2026-12-31"));
        var reward = bed.Data.Reward(cost: 10);

        bed.Service.Create(DataProducer.NewRedemption(owner, reward, quantity: 3));

        Assert.Null(bed.Stock(reward));
        Assert.Equal(470, bed.Balance(owner));
    }

    [Fact]
    public void Create_TierBelowMinimumOrRewardWithdrawn_Refused()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Silver, (500, "2026-12-31"));
        var diamondOnly = bed.Data.Reward(cost: 10, minimumTier: OwnerTier.Diamond, code: "BUTLER-DAY");
        var withdrawn = bed.Data.Reward(cost: 10, active: false, code: "OLD-GIFT");

        Assert.Contains("钻石", Assert.Throws<DataverseFaultException>(() => bed.Service.Create(DataProducer.NewRedemption(owner, diamondOnly))).Message);
        Assert.Contains("下架", Assert.Throws<DataverseFaultException>(() => bed.Service.Create(DataProducer.NewRedemption(owner, withdrawn))).Message);
        Assert.Equal(500, bed.Balance(owner));
        Assert.Single(bed.Entries(owner));
    }

    [Fact]
    public void Create_LotPastExpiry_ExpiredFirstAndNotSpent()
    {
        // The clock starts on 2025-01-06: the lot usable through 2024-12-31 is past expiry.
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (100, "2024-12-31"), (100, "2025-12-31"));
        var reward = bed.Data.Reward(cost: 80);

        bed.Service.Create(DataProducer.NewRedemption(owner, reward));

        var kinds = bed.Ledger(owner).Entries.Select(e => e.Kind).ToArray();
        Assert.Equal(new[] { LedgerEntryKind.Earn, LedgerEntryKind.Earn, LedgerEntryKind.Expire, LedgerEntryKind.Redeem }, kinds);
        Assert.Equal(20, bed.Balance(owner));
        Assert.Equal(bed.LedgerSum(owner), bed.Balance(owner));
    }

    [Fact]
    public void RedeemReward_Api_ReturnsRedemptionPointsAndBalance()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
        var reward = bed.Data.Reward(cost: 100, stock: 10);

        var response = bed.Service.Execute(new OrganizationRequest(RedeemRewardPlugin.ApiName)
        {
            [RedeemRewardPlugin.ContactParameter] = new EntityReference(ContactTable.LogicalName, owner),
            [RedeemRewardPlugin.RewardParameter] = new EntityReference(RewardTable.LogicalName, reward),
            [RedeemRewardPlugin.QuantityParameter] = 2,
        });

        var id = (Guid)response.Results[RedeemRewardPlugin.RedemptionOutput];
        Assert.NotNull(bed.Dataverse.Peek(RedemptionTable.LogicalName, id));
        Assert.Equal(200, response.Results[RedeemRewardPlugin.PointsSpentOutput]);
        Assert.Equal(100, response.Results[RedeemRewardPlugin.BalanceOutput]);
        Assert.Equal(8, bed.Stock(reward));
        Assert.True(bed.Dataverse.LastExecution.PluginCalls.Reads <= 6);
    }

    [Fact]
    public void RedeemReward_ApiWithoutQuantity_RedeemsOne()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
        var reward = bed.Data.Reward(cost: 100);

        var response = bed.Service.Execute(new OrganizationRequest(RedeemRewardPlugin.ApiName)
        {
            [RedeemRewardPlugin.ContactParameter] = new EntityReference(ContactTable.LogicalName, owner),
            [RedeemRewardPlugin.RewardParameter] = new EntityReference(RewardTable.LogicalName, reward),
        });

        Assert.Equal(100, response.Results[RedeemRewardPlugin.PointsSpentOutput]);
        Assert.Equal(200, response.Results[RedeemRewardPlugin.BalanceOutput]);
    }

    [Fact]
    public async Task Create_TwoRedemptionsRaceForTheLastPoints_OneWinsOtherRefusedNothingLost()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (100, "2026-12-31"));
        var reward = bed.Data.Reward(cost: 80, stock: 5);
        using var start = new Barrier(2);

        var tasks = Enumerable.Range(0, 2).Select(_ => OnThread(() =>
        {
            start.SignalAndWait(Bound);
            try
            {
                bed.Service.Create(DataProducer.NewRedemption(owner, reward));
                return (DataverseFaultException?)null;
            }
            catch (DataverseFaultException ex)
            {
                return ex;
            }
        })).ToArray();
        var results = await Task.WhenAll(tasks).WaitAsync(Bound);

        Assert.Single(results, r => r is null);
        var loser = Assert.Single(results, r => r is not null)!;
        Assert.Equal(DataverseErrorCodes.IsvAborted, loser.ErrorCode);
        Assert.Contains("积分余额不足", loser.Message);
        Assert.Equal(1, bed.Dataverse.Count(RedemptionTable.LogicalName));
        Assert.Equal(20, bed.Balance(owner));
        Assert.Equal(bed.LedgerSum(owner), bed.Balance(owner));
        Assert.Equal(4, bed.Stock(reward));
    }

    [Fact]
    public async Task Create_ManyRedemptionsOnThreads_BalanceEqualsLedgerSumAndNeverNegative()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (100, "2026-12-31"), (50, "2027-12-31"));
        var reward = bed.Data.Reward(cost: 40);
        using var start = new Barrier(4);

        var tasks = Enumerable.Range(0, 4).Select(_ => OnThread(() =>
        {
            start.SignalAndWait(Bound);
            try
            {
                bed.Service.Create(DataProducer.NewRedemption(owner, reward));
                return true;
            }
            catch (DataverseFaultException ex) when (ex.Message.Contains("积分余额不足"))
            {
                return false;
            }
        })).ToArray();
        var results = await Task.WhenAll(tasks).WaitAsync(Bound);

        Assert.Equal(3, results.Count(r => r));
        Assert.Equal(30, bed.Balance(owner));
        Assert.Equal(bed.LedgerSum(owner), bed.Balance(owner));
        Assert.Equal(3, bed.Dataverse.Count(RedemptionTable.LogicalName));
    }

    [Fact]
    public async Task Create_TwoOwnersRedeemTheSameLimitedRewardInParallel_NoStockLost()
    {
        // Different owners do not share the owner lock, so only the reward lock keeps the stock exact.
        for (var round = 0; round < 200; round++)
        {
            var reward = bed.Data.Reward(cost: 10, stock: 10, code: "GIFT-" + round);
            var owners = new[] { bed.Data.OwnerWithPoints(OwnerTier.Standard, (100, "2026-12-31")), bed.Data.OwnerWithPoints(OwnerTier.Standard, (100, "2026-12-31")) };
            using var start = new Barrier(2);

            var tasks = owners.Select(owner => OnThread(() =>
            {
                start.SignalAndWait(Bound);
                return bed.Service.Create(DataProducer.NewRedemption(owner, reward));
            })).ToArray();
            await Task.WhenAll(tasks).WaitAsync(Bound);

            Assert.Equal(8, bed.Stock(reward));
        }
    }
}
