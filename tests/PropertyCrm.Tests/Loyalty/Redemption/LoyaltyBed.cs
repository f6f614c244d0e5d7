using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Tests.Loyalty.Redemption;

/// <summary>Arranges owners, ledgers and rewards in the harness (seeded: no pipeline) for the redemption and sweep tests.</summary>
internal sealed class LoyaltyBed
{
    private int sourceCounter;

    public FakeDataverse Dataverse { get; } = new FakeDataverse().WithPluginCatalog();

    public IOrganizationService Service => Dataverse.Service;

    /// <summary>An owner whose ledger holds one Earn lot per (points, last usable China date); balance = their sum.</summary>
    public Guid Owner(OwnerTier tier = OwnerTier.Standard, params (int Points, string ExpiresOn)[] lots)
    {
        var owner = Dataverse.Seed(new Entity(ContactTable.LogicalName)
        {
            [ContactTable.Columns.LastName] = "业主" + (++sourceCounter),
            [ContactTable.Columns.Tier] = OptionValues.ToOption(tier),
            [ContactTable.Columns.PointsBalance] = lots.Sum(l => l.Points),
        });
        long sequence = 1;
        foreach (var lot in lots)
        {
            var expires = ChinaDate.Parse(lot.ExpiresOn);
            var earnedAt = expires.AddYears(-2).StartInstant.AddHours(10);
            var source = "fee-" + (++sourceCounter);
            var entry = PointsLedgerEntry.Earn(LedgerKeys.Earn(EarnRuleCode.OnTimeFeePayment, source), sequence++, EarnRuleCode.OnTimeFeePayment, source, lot.Points, earnedAt, expires, "按时缴费 / On-time fee payment");
            Dataverse.Seed(LedgerStore.ToRow(owner, entry));
        }

        return owner;
    }

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

        return Dataverse.Seed(row);
    }

    public Entity NewRedemption(Guid owner, Guid reward, int? quantity = null)
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

    public Entity[] Entries(Guid owner) =>
        Dataverse.PeekAll(PointsEntryTable.LogicalName)
            .Where(e => e.GetAttributeValue<EntityReference>(PointsEntryTable.Columns.Contact)?.Id == owner)
            .OrderBy(e => e.GetAttributeValue<int>(PointsEntryTable.Columns.Sequence))
            .ToArray();

    public PointsLedger Ledger(Guid owner) => LedgerStore.Read(Dataverse.Service, owner);

    public int Balance(Guid owner) => Dataverse.Peek(ContactTable.LogicalName, owner)!.GetAttributeValue<int?>(ContactTable.Columns.PointsBalance) ?? 0;

    public int LedgerSum(Guid owner) => Entries(owner).Sum(e => e.GetAttributeValue<int>(PointsEntryTable.Columns.Points));

    public int? Stock(Guid reward) => Dataverse.Peek(RewardTable.LogicalName, reward)!.GetAttributeValue<int?>(RewardTable.Columns.Stock);
}
