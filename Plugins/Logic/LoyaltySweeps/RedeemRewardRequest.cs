using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.LoyaltySweeps;

/// <summary>
/// The Custom API's and workflow activity's way to redeem: create the pcrm_redemption, so the same pre-operation
/// step (<see cref="RedemptionService"/>) does the work in the same transaction, then read back the points taken and
/// the balance. Calls: 1 create + 2 reads, plus the step's own.
/// </summary>
public static class RedeemRewardRequest
{
    public static RedemptionOutcome Execute(IOrganizationService service, EntityReference owner, EntityReference reward, int? quantity)
    {
        if (owner is null || owner.Id == Guid.Empty)
        {
            throw new DomainException(LoyaltyErrorCodes.InvalidReward, "兑换须指定业主 / A redemption needs an owner.");
        }

        if (reward is null || reward.Id == Guid.Empty)
        {
            throw new DomainException(LoyaltyErrorCodes.InvalidReward, "兑换须指定奖品 / A redemption needs a reward.");
        }

        var count = quantity ?? 1;
        if (count < 1)
        {
            throw new DomainException(LoyaltyErrorCodes.InvalidReward, $"兑换数量至少为 1:{count} / Redeem at least one item: {count}.");
        }

        var id = service.Create(new Entity(RedemptionTable.LogicalName)
        {
            [RedemptionTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner.Id),
            [RedemptionTable.Columns.Reward] = new EntityReference(RewardTable.LogicalName, reward.Id),
            [RedemptionTable.Columns.Quantity] = count,
        });

        var redemption = service.Retrieve(RedemptionTable.LogicalName, id, new ColumnSet(RedemptionTable.Columns.Points));
        var contact = service.Retrieve(ContactTable.LogicalName, owner.Id, new ColumnSet(ContactTable.Columns.PointsBalance));
        return new RedemptionOutcome(
            id,
            redemption.GetAttributeValue<int?>(RedemptionTable.Columns.Points) ?? 0,
            contact.GetAttributeValue<int?>(ContactTable.Columns.PointsBalance) ?? 0);
    }
}
