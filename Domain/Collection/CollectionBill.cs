using System;
using System.Collections.Generic;
using System.Linq;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Fees;

namespace PropertyCrm.Domain.Collection;

/// <summary>What the ladder needs of one bill: its id, its due date and the day it was paid in full (if it was).</summary>
public sealed record CollectionBill(string BillId, ChinaDate DueOn, ChinaDate? PaidInFullOn)
{
    /// <summary>The China date of the first payment that brought <paramref name="bill"/>'s payments to its amount due.</summary>
    public static CollectionBill From(FeeBill bill, IEnumerable<FeePayment> payments)
    {
        Guard.NotNull(bill, nameof(bill));
        Guard.NotNull(payments, nameof(payments));

        var paid = 0m;
        ChinaDate? paidInFullOn = null;
        foreach (var payment in payments.Where(p => string.Equals(p.BillId, bill.BillId, StringComparison.Ordinal)).OrderBy(p => p.PaidAt))
        {
            paid += payment.Amount;
            if (paid >= bill.AmountDue)
            {
                paidInFullOn = payment.PaidOn;
                break;
            }
        }

        return new CollectionBill(bill.BillId, bill.DueOn, paidInFullOn);
    }
}
