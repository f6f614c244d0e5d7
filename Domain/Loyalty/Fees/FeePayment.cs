using System;

namespace PropertyCrm.Domain.Loyalty.Fees;

/// <summary>
/// Money received against one bill. The time is an instant; the rules read it as the China date it fell
/// on (<see cref="PaidOn"/>), which is the date the owner would quote.
/// </summary>
public sealed record FeePayment
{
    /// <param name="paymentId">The payment's record id; also the source of its points award.</param>
    /// <param name="billId">The bill it settles (fully or in part).</param>
    /// <param name="amount">CNY, more than zero. Refunds are not payments: reverse the points instead.</param>
    /// <param name="paidAt">When the money was received, any offset.</param>
    public FeePayment(string paymentId, string billId, decimal amount, DateTimeOffset paidAt)
    {
        if (string.IsNullOrWhiteSpace(paymentId))
        {
            throw new ArgumentException("A payment needs an id.", nameof(paymentId));
        }

        if (string.IsNullOrWhiteSpace(billId))
        {
            throw new ArgumentException("A payment must name its bill.", nameof(billId));
        }

        if (amount <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A payment must be more than zero.");
        }

        PaymentId = paymentId;
        BillId = billId;
        Amount = amount;
        PaidAt = paidAt;
    }

    public string PaymentId { get; }

    public string BillId { get; }

    public decimal Amount { get; }

    public DateTimeOffset PaidAt { get; }

    public ChinaDate PaidOn => ChinaDate.FromInstant(PaidAt);

    /// <summary>On time means paid on or before the bill's due date (China time).</summary>
    public bool IsOnTimeFor(FeeBill bill)
    {
        Guard.NotNull(bill, nameof(bill));

        return PaidOn <= bill.DueOn;
    }
}
