using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Fees;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Loyalty;

/// <summary>
/// The contact update of a loyalty recomputation holding only the shown columns whose value changes (balance, paid last 12
/// months, on-time ratio, consecutive unpaid months), compared with what <see cref="OwnerLock"/> read under the lock.
/// </summary>
internal static class ContactChanges
{
    public static Entity Of(OwnerSnapshot owner, int balance, FeeStanding standing)
    {
        var update = new Entity(ContactTable.LogicalName, owner.Id);
        var stored = owner.Standing;
        if (balance != owner.Balance)
        {
            update[ContactTable.Columns.PointsBalance] = balance;
        }

        if (stored?.PaidLast12Months != standing.PaidLast12Months)
        {
            update[ContactTable.Columns.Rolling12MonthPaid] = new Money(standing.PaidLast12Months);
        }

        // Stored with 2 decimals, so compared at that precision.
        decimal? ratio = standing.OnTimeRatio is decimal r ? Math.Round(r, 2) : null;
        if (stored is null || stored.OnTimeRatio != ratio)
        {
            update[ContactTable.Columns.OnTimeRatio] = ratio;
        }

        if (stored?.ConsecutiveUnpaidMonths != standing.ConsecutiveUnpaidMonths)
        {
            update[ContactTable.Columns.ConsecutiveUnpaidMonths] = standing.ConsecutiveUnpaidMonths;
        }

        return update;
    }
}
