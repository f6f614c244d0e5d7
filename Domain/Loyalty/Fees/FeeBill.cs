using System;

namespace PropertyCrm.Domain.Loyalty.Fees;

/// <summary>
/// One property-fee (物业费) bill: the month it charges for, the amount due and the last day to pay it on
/// time. Bills are monthly: "months in arrears" and "consecutive unpaid months" count bill periods.
/// </summary>
public sealed record FeeBill
{
    /// <param name="billId">The bill's record id; payments point to it.</param>
    /// <param name="period">The month the bill charges for. Several bills may share a month (two units).</param>
    /// <param name="amountDue">CNY, more than zero.</param>
    /// <param name="dueOn">China date; a payment made on this date is on time.</param>
    public FeeBill(string billId, YearMonth period, decimal amountDue, ChinaDate dueOn)
    {
        if (string.IsNullOrWhiteSpace(billId))
        {
            throw new ArgumentException("A bill needs an id.", nameof(billId));
        }

        if (amountDue <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amountDue), amountDue, "A bill's amount due must be more than zero.");
        }

        BillId = billId;
        Period = period;
        AmountDue = amountDue;
        DueOn = dueOn;
    }

    public string BillId { get; }

    public YearMonth Period { get; }

    public decimal AmountDue { get; }

    public ChinaDate DueOn { get; }
}
