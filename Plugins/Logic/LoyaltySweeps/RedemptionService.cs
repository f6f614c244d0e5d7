using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.LoyaltySweeps;

/// <summary>
/// Redeems a reward for the pcrm_redemption being created (pre-operation Create), in its transaction, built from the
/// execution's <see cref="ExecutionScope"/> (writes as SYSTEM): lock the owner's account, read the ledger fresh,
/// <see cref="PointsEngine.Redeem"/> (expired lots settled first, oldest lots first, never below zero), lock and
/// decrement the reward's stock when it is limited, append the entries, write the balance, and fill points /
/// redeemed-on / ledger entry on the target (no extra write on it).
/// </summary>
/// <remarks>
/// Calls: reads 3 (owner, ledger, reward) + 1 when stock is limited (fresh stock under the reward lock); writes 1
/// (owner lock) + entries (1 Redeem, + 1 per lot that had to be expired first) + 1 balance + 2 when stock is limited
/// (reward lock on <c>pcrm_lockedon</c>, new stock: <see cref="RewardStock"/>). Lock order is always owner, then
/// reward, so two redemptions cannot deadlock.
/// </remarks>
public sealed class RedemptionService
{
    private static readonly PointsEngine Engine = new(PointsRules.Default);

    private readonly ExecutionScope scope;

    public RedemptionService(ExecutionScope scope)
    {
        this.scope = Guard.NotNull(scope, nameof(scope));
    }

    /// <summary>Takes the points and stock of the redemption <paramref name="target"/> (the Create's target, completed in place).</summary>
    public RedemptionOutcome Redeem(Entity target)
    {
        Guard.NotNull(target, nameof(target));
        var service = scope.SystemService;
        var now = DataverseTime.ToInstant(scope.Now);
        var owner = target.GetAttributeValue<EntityReference>(RedemptionTable.Columns.Contact)
            ?? throw new DomainException(LoyaltyErrorCodes.InvalidReward, "兑换须指定业主 / A redemption needs an owner.");
        var rewardRef = target.GetAttributeValue<EntityReference>(RedemptionTable.Columns.Reward)
            ?? throw new DomainException(LoyaltyErrorCodes.InvalidReward, "兑换须指定奖品 / A redemption needs a reward.");
        var quantity = target.GetAttributeValue<int?>(RedemptionTable.Columns.Quantity) ?? 1;
        if (quantity < 1)
        {
            throw new DomainException(LoyaltyErrorCodes.InvalidReward, $"兑换数量至少为 1:{quantity} / Redeem at least one item: {quantity}.");
        }

        if (target.Id == Guid.Empty)
        {
            target.Id = Guid.NewGuid();
        }

        target[RedemptionTable.PrimaryId] = target.Id;

        // 1. Owner lock first, then everything else is read under it.
        var locked = OwnerLock.Lock(service, owner.Id, now.UtcDateTime);
        var ledger = LedgerStore.Read(service, owner.Id);

        // 2. The reward; a limited stock is locked and read fresh (RewardStock): the first read may be older than a
        // redemption of another owner or a cancellation committed since.
        var rewardRow = RewardRows.Retrieve(service, rewardRef.Id);
        var limited = rewardRow.GetAttributeValue<int?>(RewardTable.Columns.Stock) is int;
        if (limited)
        {
            rewardRow[RewardTable.Columns.Stock] = RewardStock.LockAndRead(service, rewardRef.Id, now.UtcDateTime);
        }

        var reward = RewardRows.ToItem(rewardRow);
        var result = Engine.Redeem(ledger, reward, quantity, target.Id.ToString("N"), locked.Tier, now);

        var ids = LedgerStore.Append(service, owner.Id, result.Entries, new EntityReference(RewardTable.LogicalName, rewardRef.Id), locked.RowOwner);
        var redeemEntryId = ids.Count > 0 ? ids[ids.Count - 1] : Guid.Empty;
        if (limited && result.StockAfter is int stockAfter)
        {
            RewardStock.Write(service, rewardRef.Id, stockAfter);
        }

        OwnerLock.WriteBalance(service, locked, result.BalanceAfter);

        var spent = -result.Redemption.Points;
        target[RedemptionTable.Columns.Quantity] = quantity;
        target[RedemptionTable.Columns.Points] = spent;
        target[RedemptionTable.Columns.RedeemedOn] = now.UtcDateTime;
        if (redeemEntryId != Guid.Empty)
        {
            target[RedemptionTable.Columns.LedgerEntry] = new EntityReference(PointsEntryTable.LogicalName, redeemEntryId);
        }

        if (string.IsNullOrWhiteSpace(target.GetAttributeValue<string>(RedemptionTable.Columns.Name)))
        {
            var name = $"{reward.Name} ×{quantity}";
            target[RedemptionTable.Columns.Name] = ColumnText.Fit(name, RedemptionTable.MaxLengths.Name);
        }

        scope.Trace($"Redeemed {spent} points ({result.Entries.Count(e => e.Kind == LedgerEntryKind.Expire)} lot(s) expired first); balance {result.BalanceAfter}, stock {result.StockAfter?.ToString() ?? "unlimited"}.");
        return new RedemptionOutcome(target.Id, spent, result.BalanceAfter);
    }
}

/// <summary>What a redemption did: its id, the points it took, the owner's balance after it.</summary>
public sealed class RedemptionOutcome
{
    public RedemptionOutcome(Guid redemptionId, int pointsSpent, int balance)
    {
        RedemptionId = redemptionId;
        PointsSpent = pointsSpent;
        Balance = balance;
    }

    public Guid RedemptionId { get; }

    public int PointsSpent { get; }

    public int Balance { get; }
}
