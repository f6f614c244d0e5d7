using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.LoyaltySweeps;

/// <summary>pcrm_reward rows ↔ <see cref="RewardItem"/>.</summary>
public static class RewardRows
{
    public static readonly string[] Columns =
    {
        RewardTable.Columns.Name, RewardTable.Columns.Code, RewardTable.Columns.Kind, RewardTable.Columns.PointsCost,
        RewardTable.Columns.Stock, RewardTable.Columns.FaceValue, RewardTable.Columns.MinimumTier, RewardTable.Columns.StateCode,
    };

    /// <summary>One read. The row keeps its RowVersion for the stock update.</summary>
    public static Entity Retrieve(IOrganizationService service, Guid rewardId) =>
        service.Retrieve(RewardTable.LogicalName, rewardId, new ColumnSet(Columns));

    private static int Cost(Entity row)
    {
        var cost = row.GetAttributeValue<int?>(RewardTable.Columns.PointsCost) ?? 0;
        return cost > 0
            ? cost
            : throw new DomainException(LoyaltyErrorCodes.InvalidReward, "奖品未设置所需积分 / The reward has no points cost.");
    }

    public static RewardItem ToItem(Entity row)
    {
        var code = row.GetAttributeValue<string>(RewardTable.Columns.Code);
        return new RewardItem(
            string.IsNullOrWhiteSpace(code) ? row.Id.ToString("N") : code,
            OptionValues.Read<RewardKind>(row, RewardTable.Columns.Kind) ?? RewardKind.Gift,
            row.GetAttributeValue<string>(RewardTable.Columns.Name) ?? string.Empty,
            Cost(row))
        {
            Stock = row.GetAttributeValue<int?>(RewardTable.Columns.Stock),
            FaceValue = row.GetAttributeValue<Money>(RewardTable.Columns.FaceValue)?.Value,
            MinimumTier = OptionValues.Read<OwnerTier>(row, RewardTable.Columns.MinimumTier) ?? OwnerTier.Standard,
            Active = (row.GetAttributeValue<OptionSetValue>(RewardTable.Columns.StateCode)?.Value ?? 0) == 0,
        };
    }
}
