using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.LoyaltySweeps;

/// <summary>
/// The lock on a limited reward's stock: redemptions of different owners and cancellations race for it, and the owner
/// lock does not cover them. Reads never wait (snapshot reads), so the stock is read again after a write takes the row
/// lock; rewriting the stock value just read would itself lose a change committed since that read.
/// </summary>
/// <remarks>Calls of <see cref="LockAndRead"/>: 1 write (<c>pcrm_lockedon</c>, a real column, so the write is
/// documented behaviour rather than an update that sets nothing) + 1 read (the stock, committed, hence fresh).</remarks>
internal static class RewardStock
{
    private static readonly ColumnSet StockColumn = new(RewardTable.Columns.Stock);

    /// <summary>Locks the reward row for the rest of the transaction, then reads its stock (null: unlimited).</summary>
    public static int? LockAndRead(IOrganizationService service, Guid rewardId, DateTime nowUtc)
    {
        service.Update(new Entity(RewardTable.LogicalName, rewardId) { [RewardTable.Columns.LockedOn] = nowUtc });
        return service.Retrieve(RewardTable.LogicalName, rewardId, StockColumn).GetAttributeValue<int?>(RewardTable.Columns.Stock);
    }

    /// <summary>Writes the new stock (1 write); only under <see cref="LockAndRead"/>'s lock.</summary>
    public static void Write(IOrganizationService service, Guid rewardId, int stock) =>
        service.Update(new Entity(RewardTable.LogicalName, rewardId) { [RewardTable.Columns.Stock] = stock });
}
