using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Steps.Loyalty.Redemption;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Tests.Loyalty.Redemption;

/// <summary>
/// pcrm_RedeemReward creates the redemption through the service, so the redemption step's refusal reaches the API as the
/// fault of a nested call. Regression (found by the concurrent-month soak): the API reported it as its own unexpected
/// failure, "RedeemRewardPlugin 执行失败 / RedeemRewardPlugin failed: 奖品库存不足…", and traced it as unexpected.
/// </summary>
public sealed class RedeemRewardApiFaultTests
{
    private readonly LoyaltyBed bed = new();

    [Fact]
    public void Execute_StockExhausted_CallerGetsTheRefusalItself()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (500, "2026-12-31"));
        var reward = bed.Data.Reward(cost: 10, stock: 0);

        var fault = Assert.Throws<DataverseFaultException>(() => Redeem(owner, reward));

        Assert.Equal(DataverseErrorCodes.IsvAborted, fault.ErrorCode);
        Assert.StartsWith("奖品库存不足", fault.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("failed", fault.Message, System.StringComparison.Ordinal);
        Assert.Equal(0, bed.Dataverse.Count(RedemptionTable.LogicalName));
        Assert.Equal(500, bed.Balance(owner));
    }

    [Fact]
    public void Execute_DeadlockInANestedCall_CallerGetsTheSqlErrorToRetryOn()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (500, "2026-12-31"));
        var reward = bed.Data.Reward(cost: 10, stock: 3);
        bed.Dataverse.FailCall(1, InjectedFaultKind.DeadlockVictim);

        var fault = Assert.Throws<DataverseFaultException>(() => Redeem(owner, reward));

        Assert.StartsWith("Sql error: Generic SQL error.", fault.Message, System.StringComparison.Ordinal);
        Assert.True(InjectedFaults.IsTransient(fault));
        Assert.Equal(3, bed.Stock(reward));
    }

    private OrganizationResponse Redeem(System.Guid owner, System.Guid reward) => bed.Service.Execute(new OrganizationRequest(RedeemRewardPlugin.ApiName)
    {
        [RedeemRewardPlugin.ContactParameter] = new EntityReference(ContactTable.LogicalName, owner),
        [RedeemRewardPlugin.RewardParameter] = new EntityReference(RewardTable.LogicalName, reward),
        [RedeemRewardPlugin.QuantityParameter] = 1,
    });
}
