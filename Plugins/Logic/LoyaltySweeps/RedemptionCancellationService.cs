using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.LoyaltySweeps;

/// <summary>
/// A pcrm_redemption's status change (pre-operation Update, in its transaction), built from the execution's
/// <see cref="ExecutionScope"/> (writes as SYSTEM): Requested/Fulfilled → Cancelled reverses the redemption's Redeem
/// entry (<see cref="ReversalLogic.Post(IOrganizationService, OwnerSnapshot, string, string, DateTimeOffset, Action{string})"/>)
/// and gives the stock back when the reward's stock is limited; Cancelled → anything else is refused
/// (<see cref="RedemptionStatusChange"/>) and nothing is saved.
/// </summary>
/// <remarks>
/// <para><b>Decided under the lock.</b> The pre-image is a snapshot read: a cancel of the same redemption may have
/// committed after it was taken, and deciding from it would let a fulfil overwrite the committed Cancelled (points back,
/// reward handed over anyway). So a change from a pre-image that is not Cancelled first locks the owner's account (a
/// cancel holds it until it commits), then reads the redemption's status again and decides from that. A Cancelled
/// pre-image needs no lock: Cancelled is final, so it cannot be stale.</para>
/// <para><b>What the owner gets back.</b> The points return to the lots they were taken from, with those lots' own
/// expiry dates (<see cref="PointsLedger"/>): points from a lot that has since passed its expiry are back in the balance
/// until the next points-expiry run (or the owner's next redemption) expires them again, so they cannot be spent;
/// points from an award that was itself reversed do not come back.</para>
/// <para><b>Calls.</b> Any status change from Requested/Fulfilled: reads 2 (owner under the lock, the redemption's
/// status), writes 1 (owner lock); that is all when it does not cancel. Cancelling, unlimited stock: + reads 2 (ledger,
/// reward stock) + writes 2 (reversal, balance). Limited stock: + 1 read (fresh stock) + 2 writes (reward lock on
/// <c>pcrm_lockedon</c>, new stock: <see cref="RewardStock"/>). Lock order is owner, then reward, as in
/// <see cref="RedemptionService"/>. Already reversed: no reversal, stock untouched. From Cancelled: no calls.</para>
/// </remarks>
public sealed class RedemptionCancellationService
{
    /// <summary>The pre-image columns the status change reads.</summary>
    public static readonly string[] PreImageColumns =
    {
        RedemptionTable.Columns.Contact,
        RedemptionTable.Columns.Reward,
        RedemptionTable.Columns.Quantity,
        RedemptionTable.Columns.LedgerEntry,
        RedemptionTable.Columns.StatusCode,
    };

    private static readonly ColumnSet StatusColumn = new(RedemptionTable.Columns.StatusCode);

    private readonly ExecutionScope scope;

    public RedemptionCancellationService(ExecutionScope scope)
    {
        this.scope = Guard.NotNull(scope, nameof(scope));
    }

    /// <summary>Applies the status change of <paramref name="target"/> (the Update's target, completed in place).</summary>
    public void ApplyStatusChange(Entity target, Entity preImage)
    {
        Guard.NotNull(target, nameof(target));
        Guard.NotNull(preImage, nameof(preImage));
        if (RedemptionStatusMapping.Read(preImage) is not RedemptionStatus imaged || RedemptionStatusMapping.Read(target) is not RedemptionStatus after)
        {
            return;
        }

        var service = scope.SystemService;
        var now = DataverseTime.ToInstant(scope.Now);
        var owner = preImage.GetAttributeValue<EntityReference>(RedemptionTable.Columns.Contact);
        OwnerSnapshot? locked = null;
        var before = imaged;
        if (imaged != RedemptionStatus.Cancelled && owner is not null)
        {
            locked = OwnerLock.Lock(service, owner.Id, now.UtcDateTime);
            before = RedemptionStatusMapping.Read(service.Retrieve(RedemptionTable.LogicalName, target.Id, StatusColumn)) ?? imaged;
        }

        if (!RedemptionStatusChange.Cancels(before, after))
        {
            return;
        }

        // Both columns, so a status-only or state-only update still saves a consistent inactive / Cancelled row.
        target[RedemptionTable.Columns.StateCode] = new OptionSetValue(RedemptionTable.States.Inactive);
        target[RedemptionTable.Columns.StatusCode] = new OptionSetValue(RedemptionTable.StatusReasons.Cancelled);
        if (locked is null || preImage.GetAttributeValue<EntityReference>(RedemptionTable.Columns.LedgerEntry) is null)
        {
            scope.Trace("The redemption posted no ledger entry: nothing to reverse.");
            return;
        }

        // The Redeem entry's key is derived from the redemption id, as RedemptionService posted it.
        var key = LedgerKeys.Redeem(target.Id.ToString("N"));
        var outcome = ReversalLogic.Post(service, locked, key, ReversalLogic.CancellationReason, now, scope.Trace);
        if (outcome.AlreadyApplied)
        {
            return;
        }

        var reward = preImage.GetAttributeValue<EntityReference>(RedemptionTable.Columns.Reward);
        if (reward is not null)
        {
            ReturnStock(service, reward.Id, preImage.GetAttributeValue<int?>(RedemptionTable.Columns.Quantity) ?? 1, now.UtcDateTime);
        }
    }

    private void ReturnStock(IOrganizationService service, Guid rewardId, int quantity, DateTime nowUtc)
    {
        var stockColumn = new ColumnSet(RewardTable.Columns.Stock);
        if (service.Retrieve(RewardTable.LogicalName, rewardId, stockColumn).GetAttributeValue<int?>(RewardTable.Columns.Stock) is not int
            || RewardStock.LockAndRead(service, rewardId, nowUtc) is not int stock)
        {
            return;
        }

        RewardStock.Write(service, rewardId, stock + quantity);
        scope.Trace($"Stock returned: {quantity}; now {stock + quantity}.");
    }
}
