using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Steps.Loyalty;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Loyalty.Redemption;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Loyalty.Reversal;

/// <summary>
/// The pcrm_ReversePointsEntry Custom API through the harness pipeline. Call budget (plug-in calls): reads 3 (entry,
/// owner, ledger), writes 3 (owner lock, reversal, balance); already reversed: reads 3, writes 1 (the owner lock);
/// refused before the lock: reads at most 1, writes 0.
/// </summary>
public sealed class ReversePointsEntryTests
{
    private const string Reason = "重复发放 / Awarded twice";
    private readonly LoyaltyBed bed = new();

    [Fact]
    public void Reverse_EarnPartlySpent_BalanceDropsByWhatRemainsOfTheLot()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (100, "2026-12-31"), (80, "2027-12-31"), (40, "2027-12-31"));
        bed.Service.Create(DataProducer.NewRedemption(owner, bed.Data.Reward(cost: 120)));
        var secondLot = bed.Entries(owner)[1];

        var response = Reverse(secondLot.Id, Reason);
        var calls = bed.Dataverse.LastExecution.PluginCalls;

        Assert.False((bool)response.Results[ReversePointsEntryPlugin.AlreadyAppliedOutput]);
        Assert.Equal(-60, response.Results[ReversePointsEntryPlugin.PointsChangeOutput]);
        Assert.Equal(40, response.Results[ReversePointsEntryPlugin.BalanceOutput]);
        var reversalRef = (EntityReference)response.Results[ReversePointsEntryPlugin.ReversalEntryOutput];
        Assert.Equal(PointsEntryTable.LogicalName, reversalRef.LogicalName);
        var reversal = bed.Dataverse.Peek(PointsEntryTable.LogicalName, reversalRef.Id)!;
        Assert.Equal(OptionValues.ToOption(LedgerEntryKind.Reversal), reversal[PointsEntryTable.Columns.Kind]);
        Assert.Equal(-60, reversal[PointsEntryTable.Columns.Points]);
        Assert.Equal("reverse:" + secondLot[PointsEntryTable.Columns.IdempotencyKey], reversal[PointsEntryTable.Columns.IdempotencyKey]);
        Assert.Contains(Reason, (string)reversal[PointsEntryTable.Columns.Description]);
        Assert.Equal(40, bed.Balance(owner));
        Assert.Equal(bed.LedgerSum(owner), bed.Balance(owner));

        Assert.Equal(3, calls.Reads);
        Assert.Equal(3, calls.Writes);
        Assert.Equal(0, bed.Dataverse.AllColumnsRequests);
    }

    [Fact]
    public void Reverse_Twice_ReturnsFirstReversalAndWritesNothingMore()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (100, "2026-12-31"), (50, "2027-12-31"));
        var lot = bed.Entries(owner)[0];
        var first = Reverse(lot.Id, Reason);
        var entries = bed.Entries(owner).Length;

        var second = Reverse(lot.Id, "再次冲正 / Again");
        var calls = bed.Dataverse.LastExecution.PluginCalls;

        Assert.True((bool)second.Results[ReversePointsEntryPlugin.AlreadyAppliedOutput]);
        Assert.Equal(first.Results[ReversePointsEntryPlugin.ReversalEntryOutput], second.Results[ReversePointsEntryPlugin.ReversalEntryOutput]);
        Assert.Equal(-100, second.Results[ReversePointsEntryPlugin.PointsChangeOutput]);
        Assert.Equal(50, second.Results[ReversePointsEntryPlugin.BalanceOutput]);
        Assert.Equal(entries, bed.Entries(owner).Length);
        Assert.Equal(50, bed.Balance(owner));
        Assert.Equal(bed.LedgerSum(owner), bed.Balance(owner));
        Assert.Equal(3, calls.Reads);
        Assert.Equal(1, calls.Writes);
        Assert.Equal(0, calls.Create);
    }

    [Fact]
    public void Reverse_AReversal_RefusedAndNothingWritten()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (100, "2026-12-31"));
        var reversal = (EntityReference)Reverse(bed.Entries(owner)[0].Id, Reason).Results[ReversePointsEntryPlugin.ReversalEntryOutput];

        var fault = Assert.Throws<DataverseFaultException>(() => Reverse(reversal.Id, Reason));

        Assert.Equal(DataverseErrorCodes.IsvAborted, fault.ErrorCode);
        Assert.Contains("冲正记录不能再冲正", fault.Message);
        Assert.Contains("A reversal cannot be reversed", fault.Message);
        Assert.Equal(2, bed.Entries(owner).Length);
        Assert.Equal(0, bed.Balance(owner));
        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Writes);
    }

    [Fact]
    public void Reverse_UnknownEntry_RefusedBilingually()
    {
        var unknown = Guid.NewGuid();

        var fault = Assert.Throws<DataverseFaultException>(() => Reverse(unknown, Reason));

        Assert.Equal(DataverseErrorCodes.IsvAborted, fault.ErrorCode);
        Assert.Contains($"积分流水 {unknown} 不存在", fault.Message);
        Assert.Contains($"There is no ledger entry {unknown}", fault.Message);
        Assert.Equal(0, bed.Dataverse.Count(PointsEntryTable.LogicalName));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Reverse_BlankReason_RefusedWithoutAnyCall(string reason)
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (100, "2026-12-31"));

        var fault = Assert.Throws<DataverseFaultException>(() => Reverse(bed.Entries(owner)[0].Id, reason));

        Assert.Contains("请填写冲正原因", fault.Message);
        Assert.Contains("A reversal needs a reason", fault.Message);
        Assert.Single(bed.Entries(owner));
        Assert.Equal(100, bed.Balance(owner));
        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Total);
    }

    [Fact]
    public void Reverse_RedeemEntry_RefusedPointingToCancellation()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (100, "2026-12-31"));
        var reward = bed.Data.Reward(cost: 30, stock: 5);
        var redemption = bed.Service.Create(DataProducer.NewRedemption(owner, reward));
        var redeemEntry = bed.Dataverse.Row(RedemptionTable.LogicalName, redemption).Get<EntityReference>(RedemptionTable.Columns.LedgerEntry);

        var fault = Assert.Throws<DataverseFaultException>(() => Reverse(redeemEntry.Id, Reason));

        Assert.Equal(DataverseErrorCodes.IsvAborted, fault.ErrorCode);
        Assert.Contains("已取消", fault.Message);
        Assert.Contains("set the redemption's status reason to Cancelled", fault.Message);
        Assert.Equal(70, bed.Balance(owner));
        Assert.Equal(4, bed.Stock(reward));
        Assert.Equal(2, bed.Entries(owner).Length);
        Assert.Equal(1, bed.Dataverse.LastExecution.PluginCalls.Reads);
        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Writes);
    }

    [Fact]
    public void Reverse_ExpireEntry_PointsBackInTheirLotWithItsExpiry()
    {
        // The clock starts on 2025-01-06: the first lot is past expiry, so the redemption expires it first.
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (100, "2024-12-31"), (100, "2025-12-31"));
        bed.Service.Create(DataProducer.NewRedemption(owner, bed.Data.Reward(cost: 80)));
        var expiry = bed.Entries(owner).Single(e => e.GetAttributeValue<OptionSetValue>(PointsEntryTable.Columns.Kind).Equals(OptionValues.ToOption(LedgerEntryKind.Expire)));

        var response = Reverse(expiry.Id, "过期日期有误 / Wrong expiry");

        Assert.Equal(100, response.Results[ReversePointsEntryPlugin.PointsChangeOutput]);
        Assert.Equal(120, bed.Balance(owner));
        Assert.Equal(bed.LedgerSum(owner), bed.Balance(owner));
        var now = new DateTimeOffset(bed.Dataverse.Clock.UtcNow, TimeSpan.Zero);
        Assert.Equal(20, bed.Ledger(owner).AvailableBalance(now));
    }

    private OrganizationResponse Reverse(Guid entryId, string reason) =>
        bed.Service.Execute(new OrganizationRequest(ReversePointsEntryPlugin.ApiName)
        {
            [ReversePointsEntryPlugin.EntryParameter] = new EntityReference(PointsEntryTable.LogicalName, entryId),
            [ReversePointsEntryPlugin.ReasonParameter] = reason,
        });
}
