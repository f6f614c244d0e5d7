using System;
using System.Collections.Generic;

namespace PropertyCrm.Domain.Loyalty.Fees;

/// <summary>
/// What an owner's bills and payments say about them on one date: the figures tiering, churn risk and care
/// rules read. Always derived from bills and payments, never typed in, so it cannot drift from the money.
/// </summary>
/// <remarks>
/// <para>All dates are China dates; the facts are taken at the end of <see cref="AsOf"/>: payments made on
/// <see cref="AsOf"/> count, payments after it are ignored (so a past date can be re-evaluated), and a bill is
/// overdue from the day after its due date.</para>
/// <para>The 12-month window is (<see cref="AsOf"/> − 12 months, <see cref="AsOf"/>]: for 2026-06-30 it is
/// 2025-07-01..2026-06-30.</para>
/// <para>Derivation sorts each bill's payments once and walks every bill once: O(n log n) in payments.</para>
/// </remarks>
public sealed class FeeStanding
{
    private readonly OverduePeriod[] overduePeriods;

    private FeeStanding(
        ChinaDate asOf,
        decimal paidLast12Months,
        int billsDueLast12Months,
        int billsPaidOnTimeLast12Months,
        decimal overdueAmount,
        ChinaDate? lastPaymentOn,
        OverduePeriod[] overduePeriods)
    {
        AsOf = asOf;
        PaidLast12Months = paidLast12Months;
        BillsDueLast12Months = billsDueLast12Months;
        BillsPaidOnTimeLast12Months = billsPaidOnTimeLast12Months;
        OverdueAmount = overdueAmount;
        LastPaymentOn = lastPaymentOn;
        this.overduePeriods = overduePeriods;
        ConsecutiveUnpaidMonths = LongestRun(overduePeriods);
    }

    public ChinaDate AsOf { get; }

    /// <summary>
    /// CNY paid in the 12-month window, counted by payment date. Money paid beyond a bill's amount due is not
    /// counted, so an overpayment that will be refunded cannot buy a tier.
    /// </summary>
    public decimal PaidLast12Months { get; }

    /// <summary>Bills whose due date passed inside the 12-month window (a bill due today is not decided yet).</summary>
    public int BillsDueLast12Months { get; }

    /// <summary>Of those, the bills fully paid by their due date.</summary>
    public int BillsPaidOnTimeLast12Months { get; }

    /// <summary>On-time bills ÷ bills due in the window, 0..1; null when no bill fell due (nothing to judge).</summary>
    public decimal? OnTimeRatio =>
        BillsDueLast12Months == 0 ? null : (decimal)BillsPaidOnTimeLast12Months / BillsDueLast12Months;

    /// <summary>CNY still unpaid on bills past their due date, at any age.</summary>
    public decimal OverdueAmount { get; }

    /// <summary>In arrears (欠费): any amount is overdue.</summary>
    public bool InArrears => OverdueAmount > 0m;

    /// <summary>Bill months with an overdue unpaid amount, consecutive or not.</summary>
    public int MonthsInArrears => this.overduePeriods.Length;

    /// <summary>
    /// The longest run of consecutive bill months that are all overdue and unpaid today. Paying the latest bill
    /// does not reset it while three earlier months stay unpaid: those are still three consecutive unpaid months.
    /// </summary>
    public int ConsecutiveUnpaidMonths { get; }

    /// <summary>The China date of the latest payment up to <see cref="AsOf"/>; null when none.</summary>
    public ChinaDate? LastPaymentOn { get; }

    /// <summary>
    /// The first date on which <paramref name="months"/> consecutive months were all overdue, judged on the
    /// bills unpaid today; null when there is no such run. A month counts as overdue from the day after the
    /// due date of its earliest still-unpaid bill. Used to date churn-risk and churned stages.
    /// </summary>
    public ChinaDate? UnpaidRunReachedOn(int months)
    {
        if (months < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(months), months, "A run is at least one month.");
        }

        ChinaDate? earliest = null;
        var runStart = 0;
        for (var i = 0; i < this.overduePeriods.Length; i++)
        {
            if (i > 0 && this.overduePeriods[i - 1].Period.AddMonths(1) != this.overduePeriods[i].Period)
            {
                runStart = i;
            }

            if (i - runStart + 1 < months)
            {
                continue;
            }

            // The window ending at i is complete once its last month to fall overdue has done so.
            var reached = this.overduePeriods[i].OverdueSince;
            for (var j = i - months + 1; j < i; j++)
            {
                reached = ChinaDate.Max(reached, this.overduePeriods[j].OverdueSince);
            }

            if (earliest is not ChinaDate soFar || reached < soFar)
            {
                earliest = reached;
            }
        }

        return earliest;
    }

    /// <summary>Derives the standing at the end of <paramref name="asOf"/>.</summary>
    /// <exception cref="DomainException">Duplicate bill or payment ids, or a payment for an unknown bill.</exception>
    public static FeeStanding Derive(IEnumerable<FeeBill> bills, IEnumerable<FeePayment> payments, ChinaDate asOf)
    {
        Guard.NotNull(bills, nameof(bills));
        Guard.NotNull(payments, nameof(payments));

        var billsById = new Dictionary<string, FeeBill>(StringComparer.Ordinal);
        var paymentsByBill = new Dictionary<string, List<FeePayment>>(StringComparer.Ordinal);
        foreach (var bill in bills)
        {
            if (bill is null)
            {
                throw new ArgumentException("The bill list contains a null.", nameof(bills));
            }

            if (billsById.ContainsKey(bill.BillId))
            {
                throw new DomainException(
                    LoyaltyErrorCodes.DuplicateBill,
                    $"账单 {bill.BillId} 重复 / Bill {bill.BillId} appears twice.");
            }

            billsById.Add(bill.BillId, bill);
            paymentsByBill.Add(bill.BillId, new List<FeePayment>());
        }

        var paymentIds = new HashSet<string>(StringComparer.Ordinal);
        ChinaDate? lastPaymentOn = null;
        foreach (var payment in payments)
        {
            if (payment is null)
            {
                throw new ArgumentException("The payment list contains a null.", nameof(payments));
            }

            if (!paymentIds.Add(payment.PaymentId))
            {
                throw new DomainException(
                    LoyaltyErrorCodes.DuplicatePayment,
                    $"缴费记录 {payment.PaymentId} 重复 / Payment {payment.PaymentId} appears twice.");
            }

            if (!paymentsByBill.TryGetValue(payment.BillId, out var forBill))
            {
                throw new DomainException(
                    LoyaltyErrorCodes.UnknownBill,
                    $"缴费记录 {payment.PaymentId} 对应的账单 {payment.BillId} 不存在 / Payment {payment.PaymentId} is for bill {payment.BillId}, which is not in the list.");
            }

            var paidOn = payment.PaidOn;
            if (paidOn > asOf)
            {
                continue;
            }

            forBill.Add(payment);
            if (lastPaymentOn is not ChinaDate last || paidOn > last)
            {
                lastPaymentOn = paidOn;
            }
        }

        var windowStartExclusive = asOf.AddMonths(-12);
        var paidLast12Months = 0m;
        var billsDue = 0;
        var billsOnTime = 0;
        var overdueAmount = 0m;
        var overdueSinceByPeriod = new Dictionary<YearMonth, ChinaDate>();

        foreach (var bill in billsById.Values)
        {
            var forBill = paymentsByBill[bill.BillId];
            forBill.Sort(ComparePaymentTime);

            var paidSoFar = 0m;
            var paidByDueDate = 0m;
            foreach (var payment in forBill)
            {
                var countable = Math.Min(payment.Amount, Math.Max(0m, bill.AmountDue - paidSoFar));
                paidSoFar += payment.Amount;
                var paidOn = payment.PaidOn;
                if (paidOn <= bill.DueOn)
                {
                    paidByDueDate += payment.Amount;
                }

                if (paidOn > windowStartExclusive)
                {
                    paidLast12Months += countable;
                }
            }

            if (bill.DueOn >= asOf)
            {
                continue;
            }

            if (bill.DueOn > windowStartExclusive)
            {
                billsDue++;
                if (paidByDueDate >= bill.AmountDue)
                {
                    billsOnTime++;
                }
            }

            var outstanding = bill.AmountDue - paidSoFar;
            if (outstanding > 0m)
            {
                overdueAmount += outstanding;
                var overdueSince = bill.DueOn.AddDays(1);
                if (!overdueSinceByPeriod.TryGetValue(bill.Period, out var known) || overdueSince < known)
                {
                    overdueSinceByPeriod[bill.Period] = overdueSince;
                }
            }
        }

        var overduePeriods = new OverduePeriod[overdueSinceByPeriod.Count];
        var index = 0;
        foreach (var pair in overdueSinceByPeriod)
        {
            overduePeriods[index++] = new OverduePeriod(pair.Key, pair.Value);
        }

        Array.Sort(overduePeriods, (left, right) => left.Period.CompareTo(right.Period));

        return new FeeStanding(asOf, paidLast12Months, billsDue, billsOnTime, overdueAmount, lastPaymentOn, overduePeriods);
    }

    private static int ComparePaymentTime(FeePayment left, FeePayment right)
    {
        var byTime = left.PaidAt.CompareTo(right.PaidAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(left.PaymentId, right.PaymentId);
    }

    private static int LongestRun(OverduePeriod[] periods)
    {
        var longest = 0;
        var current = 0;
        for (var i = 0; i < periods.Length; i++)
        {
            current = i > 0 && periods[i - 1].Period.AddMonths(1) == periods[i].Period ? current + 1 : 1;
            longest = Math.Max(longest, current);
        }

        return longest;
    }

    private sealed class OverduePeriod
    {
        public OverduePeriod(YearMonth period, ChinaDate overdueSince)
        {
            Period = period;
            OverdueSince = overdueSince;
        }

        public YearMonth Period { get; }

        public ChinaDate OverdueSince { get; }
    }
}
