using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.LoyaltySweeps;

/// <summary>
/// Cancels a pcrm_redemption whose status changes (pre-operation Update, in its transaction): Requested/Fulfilled →
/// Cancelled reverses the redemption's Redeem entry (<see cref="ReversalLogic.Post"/>: owner locked, ledger read,
/// reversal appended, balance written) and gives the stock back when the reward's stock is limited; Cancelled →
/// anything else is refused (<see cref="RedemptionStatusChange"/>) and nothing is saved.
/// </summary>
/// <remarks>
/// <para><b>What the owner gets back.</b> The points return to the lots they were taken from, with those lots' own
/// expiry dates (<see cref="PointsLedger"/>): points from a lot that has since passed its expiry are back in the balance
/// until the next points-expiry run (or the owner's next redemption) expires them again, so they cannot be spent;
/// points from an award that was itself reversed do not come back.</para>
/// <para><b>Calls.</b> Unlimited stock: reads 3 (owner, ledger, reward stock), writes 3 (owner lock, reversal,
/// balance). Limited stock: + 1 read (fresh stock under the lock) + 2 writes (reward lock, an update that sets no
/// column; new stock). Lock order is
/// owner, then reward, as in <see cref="RedemptionLogic"/>. Already reversed: reads 2, writes 1 (the owner lock), stock
/// untouched. A status change that does not cancel: no calls.</para>
/// </remarks>
public static class RedemptionCancellationLogic
{
    /// <summary>The pre-image columns the cancellation reads.</summary>
    public static readonly string[] PreImageColumns =
    {
        RedemptionTable.Columns.Contact,
        RedemptionTable.Columns.Reward,
        RedemptionTable.Columns.Quantity,
        RedemptionTable.Columns.LedgerEntry,
        RedemptionTable.Columns.StatusCode,
    };

    public static void Apply(IOrganizationService service, Entity target, Entity preImage, DateTimeOffset now, Action<string> trace)
    {
        var from = RedemptionStatusMapping.Read(preImage);
        var to = RedemptionStatusMapping.Read(target);
        if (from is not RedemptionStatus before || to is not RedemptionStatus after || !RedemptionStatusChange.Cancels(before, after))
        {
            return;
        }

        // Both columns, so a status-only or state-only update still saves a consistent inactive / Cancelled row.
        target[RedemptionTable.Columns.StateCode] = new OptionSetValue(RedemptionTable.States.Inactive);
        target[RedemptionTable.Columns.StatusCode] = new OptionSetValue(RedemptionTable.StatusReasons.Cancelled);

        var owner = preImage.GetAttributeValue<EntityReference>(RedemptionTable.Columns.Contact);
        if (owner is null || preImage.GetAttributeValue<EntityReference>(RedemptionTable.Columns.LedgerEntry) is null)
        {
            trace("The redemption posted no ledger entry: nothing to reverse.");
            return;
        }

        // The Redeem entry's key is derived from the redemption id, as RedemptionLogic posted it.
        var key = LedgerKeys.Redeem(target.Id.ToString("N"));
        var outcome = ReversalLogic.Post(service, owner.Id, key, ReversalLogic.CancellationReason, now, trace);
        if (outcome.AlreadyApplied)
        {
            return;
        }

        var reward = preImage.GetAttributeValue<EntityReference>(RedemptionTable.Columns.Reward);
        if (reward is not null)
        {
            ReturnStock(service, reward.Id, preImage.GetAttributeValue<int?>(RedemptionTable.Columns.Quantity) ?? 1, trace);
        }
    }

    private static void ReturnStock(IOrganizationService service, Guid rewardId, int quantity, Action<string> trace)
    {
        var stockColumn = new ColumnSet(RewardTable.Columns.Stock);
        if (service.Retrieve(RewardTable.LogicalName, rewardId, stockColumn).GetAttributeValue<int?>(RewardTable.Columns.Stock) is not int seen)
        {
            return;
        }

        // Lock with an update that sets no column (the row lock, modifiedon and version only), then read fresh: a
        // redemption may have taken stock since the first read. Rewriting the value read would itself lose that change.
        service.Update(new Entity(RewardTable.LogicalName, rewardId));
        if (service.Retrieve(RewardTable.LogicalName, rewardId, stockColumn).GetAttributeValue<int?>(RewardTable.Columns.Stock) is not int stock)
        {
            return;
        }

        service.Update(new Entity(RewardTable.LogicalName, rewardId) { [RewardTable.Columns.Stock] = stock + quantity });
        trace($"Stock returned: {quantity}; now {stock + quantity}.");
    }
}
