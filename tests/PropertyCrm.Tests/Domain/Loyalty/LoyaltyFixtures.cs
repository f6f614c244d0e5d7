using System;
using System.Collections.Generic;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Fees;

namespace PropertyCrm.Tests.Domain.Loyalty;

/// <summary>Builders for fee histories written the way test tables read: ISO dates, whole months.</summary>
internal static class LoyaltyFixtures
{
    public static ChinaDate D(string isoDate) => ChinaDate.Parse(isoDate);

    /// <summary><paramref name="count"/> monthly bills from <paramref name="firstPeriod"/>, each due on day 15 of its month.</summary>
    public static FeeBill[] MonthlyBills(string firstPeriod, int count, decimal amount)
    {
        var first = YearMonth.Parse(firstPeriod);
        var bills = new FeeBill[count];
        for (var i = 0; i < count; i++)
        {
            var period = first.AddMonths(i);
            bills[i] = new FeeBill("B-" + period, period, amount, new ChinaDate(period.Year, period.Month, 15));
        }

        return bills;
    }

    /// <summary>Full payment of each bill at 10:00 China time on its due date, except the listed periods.</summary>
    public static List<FeePayment> PaidOnTime(IEnumerable<FeeBill> bills, params string[] unpaidPeriods)
    {
        var skip = new HashSet<string>(unpaidPeriods, StringComparer.Ordinal);
        var payments = new List<FeePayment>();
        foreach (var bill in bills)
        {
            if (!skip.Contains(bill.Period.ToString()))
            {
                payments.Add(Pay(bill, bill.AmountDue, bill.DueOn.ToString() + "T10:00:00+08:00"));
            }
        }

        return payments;
    }

    public static FeePayment Pay(FeeBill bill, decimal amount, string paidAtIso) =>
        new FeePayment("P-" + bill.BillId + "-" + paidAtIso, bill.BillId, amount, Iso.At(paidAtIso));

    /// <summary>Splits "2026-01,2026-02" (or "") into periods.</summary>
    public static string[] Periods(string list) =>
        list.Length == 0 ? Array.Empty<string>() : list.Split(',');
}
