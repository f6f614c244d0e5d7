using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Steps.Loyalty.Redemption;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;
using Reasons = PropertyCrm.Schema.Tables.RedemptionTable.StatusReasons;

namespace PropertyCrm.Tests.Loyalty.Redemption;

/// <summary>What a redemption took cannot be edited or deleted away, so cancelling it returns exactly that.</summary>
public sealed class RedemptionGuardTests
{
    private readonly LoyaltyBed bed = new();

    [Fact]
    public void Update_QuantityByUser_RefusedThenCancelReturnsWhatWasTaken()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
        var reward = bed.Data.Reward(cost: 100, stock: 5);
        var id = bed.Service.Create(DataProducer.NewRedemption(owner, reward, quantity: 1));

        var fault = Assert.Throws<DataverseFaultException>(() => bed.Service.Update(new Entity(RedemptionTable.LogicalName, id) { [RedemptionTable.Columns.Quantity] = 4 }));
        bed.Service.Update(new Entity(RedemptionTable.LogicalName, id) { [RedemptionTable.Columns.StatusCode] = new OptionSetValue(Reasons.Cancelled) });

        Assert.Contains("不可修改", fault.Message);
        Assert.Contains("cannot be changed", fault.Message);
        Assert.Equal(5, bed.Stock(reward));
        Assert.Equal(300, bed.Balance(owner));
    }

    [Fact]
    public void Update_RewardOrOwnerByUser_Refused()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
        var other = bed.Data.OwnerWithPoints(OwnerTier.Standard);
        var reward = bed.Data.Reward(cost: 100, stock: 5);
        var otherReward = bed.Data.Reward(cost: 100, stock: 5, code: "GIFT-1");
        var id = bed.Service.Create(DataProducer.NewRedemption(owner, reward));

        Assert.Throws<DataverseFaultException>(() => bed.Service.Update(new Entity(
            RedemptionTable.LogicalName,
            id) { [RedemptionTable.Columns.Reward] = new EntityReference(RewardTable.LogicalName, otherReward) }));
        Assert.Throws<DataverseFaultException>(() => bed.Service.Update(new Entity(
            RedemptionTable.LogicalName,
            id) { [RedemptionTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, other) }));

        var saved = bed.Dataverse.Peek(RedemptionTable.LogicalName, id)!;
        Assert.Equal(reward, saved.GetAttributeValue<EntityReference>(RedemptionTable.Columns.Reward).Id);
        Assert.Equal(owner, saved.GetAttributeValue<EntityReference>(RedemptionTable.Columns.Contact).Id);
    }

    [Fact]
    public void Delete_ByUser_RefusedPointsAndStockStayAccounted()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
        var reward = bed.Data.Reward(cost: 100, stock: 5);
        var id = bed.Service.Create(DataProducer.NewRedemption(owner, reward));

        var fault = Assert.Throws<DataverseFaultException>(() => bed.Service.Delete(RedemptionTable.LogicalName, id));

        Assert.Contains("兑换记录不可删除", fault.Message);
        Assert.Contains("Redemptions cannot be deleted", fault.Message);
        Assert.NotNull(bed.Dataverse.Peek(RedemptionTable.LogicalName, id));
    }

    [Fact]
    public void Update_NameOnly_DoesNotRunTheGuard()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
        var id = bed.Service.Create(DataProducer.NewRedemption(owner, bed.Data.Reward(cost: 100)));

        bed.Service.Update(new Entity(RedemptionTable.LogicalName, id) { [RedemptionTable.Columns.Name] = "改名 / Renamed" });

        Assert.DoesNotContain(bed.Dataverse.LastExecution.Traces, t => t.PluginType == typeof(RedemptionGuardPlugin));
    }
}
