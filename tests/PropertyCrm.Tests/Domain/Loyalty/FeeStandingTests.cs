using System;
using System.Collections.Generic;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Fees;
using static PropertyCrm.Tests.Domain.Loyalty.LoyaltyFixtures;

namespace PropertyCrm.Tests.Domain.Loyalty;

public sealed class FeeStandingTests
{
    [Theory]
    [InlineData("2026-03-15T23:59:59+08:00", true)]
    [InlineData("2026-03-15T15:59:59Z", true)]
    [InlineData("2026-03-15T16:00:00Z", false)]
    [InlineData("2026-03-16T09:00:00+08:00", false)]
    [InlineData("2026-03-01T09:00:00+08:00", true)]
    public void IsOnTimeFor_PaidAroundDueDate_OnTimeThroughTheDueDateInChina(string paidAt, bool expected)
    {
        var bill = new FeeBill("B1", YearMonth.Parse("2026-03"), 200m, D("2026-03-15"));

        Assert.Equal(expected, Pay(bill, 200m, paidAt).IsOnTimeFor(bill));
    }

    [Theory]
    [InlineData("2025-06-30T12:00:00+08:00", 0)]
    [InlineData("2025-07-01T00:00:00+08:00", 100)]
    [InlineData("2026-06-30T23:59:00+08:00", 100)]
    [InlineData("2026-07-01T00:00:00+08:00", 0)]
    public void PaidLast12Months_PaymentAtWindowEdges_CountsOnlyInsideTheWindow(string paidAt, int expected)
    {
        var bill = new FeeBill("B1", YearMonth.Parse("2025-06"), 100m, D("2025-06-15"));

        var standing = FeeStanding.Derive(new[] { bill }, new[] { Pay(bill, 100m, paidAt) }, D("2026-06-30"));

        Assert.Equal(expected, standing.PaidLast12Months);
    }

    [Fact]
    public void PaidLast12Months_Overpayment_CountsOnlyTheAmountDue()
    {
        var bill = new FeeBill("B1", YearMonth.Parse("2026-01"), 300m, D("2026-01-15"));
        var payments = new[]
        {
            Pay(bill, 200m, "2026-01-10T10:00:00+08:00"),
            Pay(bill, 9_800m, "2026-01-11T10:00:00+08:00"),
        };

        var standing = FeeStanding.Derive(new[] { bill }, payments, D("2026-06-30"));

        Assert.Equal(300m, standing.PaidLast12Months);
    }

    [Theory]
    [InlineData("", 0, 0, 0)]
    [InlineData("2026-01", 1, 1, 200)]
    [InlineData("2026-01,2026-02,2026-03", 3, 3, 600)]
    [InlineData("2025-11,2026-01,2026-03", 3, 1, 600)]
    [InlineData("2025-09,2025-10,2026-01,2026-02,2026-03", 5, 3, 1000)]
    [InlineData("2025-07,2025-08,2025-09,2025-10,2025-11,2025-12", 6, 6, 1200)]
    public void Derive_UnpaidMonths_CountsArrearsAndLongestConsecutiveRun(
        string unpaid,
        int expectedMonthsInArrears,
        int expectedConsecutive,
        int expectedOverdue)
    {
        var bills = MonthlyBills("2025-07", 12, 200m);

        var standing = FeeStanding.Derive(bills, PaidOnTime(bills, Periods(unpaid)), D("2026-06-30"));

        Assert.Equal(expectedMonthsInArrears, standing.MonthsInArrears);
        Assert.Equal(expectedConsecutive, standing.ConsecutiveUnpaidMonths);
        Assert.Equal(expectedOverdue, standing.OverdueAmount);
        Assert.Equal(expectedOverdue > 0, standing.InArrears);
    }

    [Theory]
    [InlineData("2026-03-15", false)]
    [InlineData("2026-03-16", true)]
    public void InArrears_UnpaidBill_OverdueFromTheDayAfterItsDueDate(string asOf, bool expected)
    {
        var bills = MonthlyBills("2026-03", 1, 200m);

        var standing = FeeStanding.Derive(bills, Array.Empty<FeePayment>(), D(asOf));

        Assert.Equal(expected, standing.InArrears);
    }

    [Theory]
    [InlineData("2026-01,2026-02,2026-03", 3, "2026-03-16")]
    [InlineData("2026-01,2026-02", 3, null)]
    [InlineData("2025-10,2025-11,2025-12,2026-01,2026-02,2026-03", 6, "2026-03-16")]
    [InlineData("2025-10,2025-11,2025-12,2026-01,2026-02,2026-03", 3, "2025-12-16")]
    public void UnpaidRunReachedOn_RunOfUnpaidMonths_IsTheDayTheLastOfThemFellOverdue(string unpaid, int months, string? expected)
    {
        var bills = MonthlyBills("2025-07", 12, 200m);

        var standing = FeeStanding.Derive(bills, PaidOnTime(bills, Periods(unpaid)), D("2026-06-30"));

        Assert.Equal(expected is null ? null : D(expected), standing.UnpaidRunReachedOn(months));
    }

    [Fact]
    public void OnTimeRatio_OneLatePaymentInTwelve_IsElevenTwelfths()
    {
        var bills = MonthlyBills("2025-07", 12, 200m);
        var payments = PaidOnTime(bills, "2026-02");
        payments.Add(Pay(bills[7], 200m, "2026-02-20T10:00:00+08:00"));

        var standing = FeeStanding.Derive(bills, payments, D("2026-06-30"));

        Assert.Equal(12, standing.BillsDueLast12Months);
        Assert.Equal(11, standing.BillsPaidOnTimeLast12Months);
        Assert.Equal(11m / 12m, standing.OnTimeRatio);
        Assert.False(standing.InArrears);
        Assert.Equal(2_400m, standing.PaidLast12Months);
    }

    [Fact]
    public void OnTimeRatio_NoBillDueYet_IsNull()
    {
        var bills = MonthlyBills("2026-07", 1, 200m);

        var standing = FeeStanding.Derive(bills, Array.Empty<FeePayment>(), D("2026-07-15"));

        Assert.Null(standing.OnTimeRatio);
    }

    [Fact]
    public void Derive_PaymentsAfterAsOf_AreIgnored()
    {
        var bills = MonthlyBills("2026-01", 1, 200m);
        var payments = new[] { Pay(bills[0], 200m, "2026-03-01T10:00:00+08:00") };

        var before = FeeStanding.Derive(bills, payments, D("2026-02-28"));
        var after = FeeStanding.Derive(bills, payments, D("2026-03-01"));

        Assert.True(before.InArrears);
        Assert.Null(before.LastPaymentOn);
        Assert.False(after.InArrears);
        Assert.Equal(D("2026-03-01"), after.LastPaymentOn);
    }

    [Fact]
    public void Derive_PaymentForUnknownBill_ThrowsDomainException()
    {
        var bills = MonthlyBills("2026-01", 1, 200m);
        var stray = new FeePayment("P9", "B-missing", 200m, Iso.At("2026-01-10T10:00:00+08:00"));

        var error = Assert.Throws<DomainException>(() => FeeStanding.Derive(bills, new[] { stray }, D("2026-06-30")));

        Assert.Equal(LoyaltyErrorCodes.UnknownBill, error.Code);
    }

    [Fact]
    public void Derive_DuplicateBillId_ThrowsDomainException()
    {
        var bills = new List<FeeBill>(MonthlyBills("2026-01", 1, 200m)) { MonthlyBills("2026-01", 1, 300m)[0] };

        var error = Assert.Throws<DomainException>(() => FeeStanding.Derive(bills, Array.Empty<FeePayment>(), D("2026-06-30")));

        Assert.Equal(LoyaltyErrorCodes.DuplicateBill, error.Code);
    }
}
