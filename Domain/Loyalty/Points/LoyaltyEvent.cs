using System;
using PropertyCrm.Domain.Loyalty.Fees;

namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>
/// Something an owner did that may earn points. <see cref="SourceId"/> is the record it came from (payment,
/// survey response, attendance, suggestion, referral); with the rule it forms the idempotency key, so the same
/// record never earns twice however often the plug-in fires.
/// </summary>
public sealed record LoyaltyEvent
{
    /// <param name="kind">What happened.</param>
    /// <param name="sourceId">The source record's id.</param>
    /// <param name="occurredAt">When it happened; its China month is the month a cap counts in and its China
    /// date starts the points' age.</param>
    /// <param name="amount">CNY for fee payments; null for everything else.</param>
    public LoyaltyEvent(LoyaltyEventKind kind, string sourceId, DateTimeOffset occurredAt, decimal? amount = null)
    {
        if (!Enum.IsDefined(typeof(LoyaltyEventKind), kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown event kind.");
        }

        if (string.IsNullOrWhiteSpace(sourceId))
        {
            throw new ArgumentException("An event needs its source record id.", nameof(sourceId));
        }

        if (amount is decimal value && value <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "An amount must be more than zero.");
        }

        Kind = kind;
        SourceId = sourceId;
        OccurredAt = occurredAt;
        Amount = amount;
    }

    public LoyaltyEventKind Kind { get; }

    public string SourceId { get; }

    public DateTimeOffset OccurredAt { get; }

    public decimal? Amount { get; }

    /// <summary>
    /// The event for a fee payment: on time or late as the bill's due date says (never as typed), for at most
    /// the bill's amount due, so an overpayment that will be refunded earns nothing extra.
    /// </summary>
    public static LoyaltyEvent ForFeePayment(FeeBill bill, FeePayment payment)
    {
        Guard.NotNull(bill, nameof(bill));
        Guard.NotNull(payment, nameof(payment));

        if (!string.Equals(bill.BillId, payment.BillId, StringComparison.Ordinal))
        {
            throw new ArgumentException("The payment is for a different bill.", nameof(payment));
        }

        var kind = payment.IsOnTimeFor(bill) ? LoyaltyEventKind.FeePaidOnTime : LoyaltyEventKind.FeePaidLate;
        return new LoyaltyEvent(kind, payment.PaymentId, payment.PaidAt, Math.Min(payment.Amount, bill.AmountDue));
    }
}
