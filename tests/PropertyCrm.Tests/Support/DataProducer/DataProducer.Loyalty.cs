using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Tests.Support;

// Points ledgers, rewards and redemptions.
internal sealed partial class DataProducer
{
    /// <summary>An owner whose ledger holds one Earn lot per (points, last usable China date); balance = their sum.</summary>
    public Guid OwnerWithPoints(OwnerTier tier = OwnerTier.Standard, params (int Points, string ExpiresOn)[] lots)
    {
        var owner = dataverse.Seed(new Entity(ContactTable.LogicalName)
        {
            [ContactTable.Columns.LastName] = "业主" + Next(),
            [ContactTable.Columns.Tier] = OptionValues.ToOption(tier),
            [ContactTable.Columns.PointsBalance] = lots.Sum(l => l.Points),
        });
        long sequence = 1;
        foreach (var lot in lots)
        {
            var expires = ChinaDate.Parse(lot.ExpiresOn);
            var earnedAt = expires.AddYears(-2).StartInstant.AddHours(10);
            var source = "fee-" + Next();
            var entry = PointsLedgerEntry.Earn(
                LedgerKeys.Earn(EarnRuleCode.OnTimeFeePayment, source),
                sequence++,
                EarnRuleCode.OnTimeFeePayment,
                source,
                lot.Points,
                earnedAt,
                expires,
                "按时缴费 / On-time fee payment");
            dataverse.Seed(LedgerStore.ToRow(owner, entry));
        }

        // An owner who holds points has been processed before, so the owner lock's account row exists.
        if (lots.Length > 0)
        {
            LoyaltyAccount(owner);
        }

        return owner;
    }

    /// <summary>The owner's loyalty account (the owner lock's row), as the first lock leaves it.</summary>
    public Guid LoyaltyAccount(Guid owner) => dataverse.Seed(new Entity(LoyaltyAccountTable.LogicalName)
    {
        [LoyaltyAccountTable.Columns.Name] = "账户 " + Next(),
        [LoyaltyAccountTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
    });

    /// <summary>A fee-voucher reward costing <paramref name="cost"/> points (null stock: unlimited).</summary>
    public Guid Reward(int cost, int? stock = null, OwnerTier minimumTier = OwnerTier.Standard, bool active = true, string code = "FEE-VOUCHER-20")
    {
        var row = new Entity(RewardTable.LogicalName)
        {
            [RewardTable.Columns.Name] = "物业费抵扣券 / Fee voucher " + code,
            [RewardTable.Columns.Code] = code,
            [RewardTable.Columns.Kind] = OptionValues.ToOption(RewardKind.FeeDiscountVoucher),
            [RewardTable.Columns.PointsCost] = cost,
            [RewardTable.Columns.Stock] = stock,
            [RewardTable.Columns.MinimumTier] = OptionValues.ToOption(minimumTier),
        };
        if (!active)
        {
            row[RewardTable.Columns.StateCode] = new OptionSetValue(1);
            row[RewardTable.Columns.StatusCode] = new OptionSetValue(2);
        }

        return dataverse.Seed(row);
    }

    /// <summary>An unsaved redemption of <paramref name="reward"/> by the owner (null quantity: the column's default).</summary>
    public static Entity NewRedemption(Guid owner, Guid reward, int? quantity = null)
    {
        var row = new Entity(RedemptionTable.LogicalName)
        {
            [RedemptionTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
            [RedemptionTable.Columns.Reward] = new EntityReference(RewardTable.LogicalName, reward),
        };
        if (quantity.HasValue)
        {
            row[RedemptionTable.Columns.Quantity] = quantity.Value;
        }

        return row;
    }
}
