using System;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Collection;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Fees;

namespace PropertyCrm.Tests.Domain.Collection;

/// <summary>The 催缴 ladder: which rung is due for a bill on a day (issue 13: 1 month reminder, 2 call, 3 visit).</summary>
public sealed class CollectionLadderTests
{
    /// <summary>Due on, paid in full on (or null), as of, expected rung (or null), expected due since.</summary>
    public static TheoryData<string, string?, string, CollectionRung?, string?> Cases => new()
    {
        // Not overdue yet: the due date itself is still on time.
        { "2026-01-31", null, "2026-01-31", null, null },
        // First overdue day: the bill's first overdue month, the reminder.
        { "2026-01-31", null, "2026-02-01", CollectionRung.Reminder, "2026-02-01" },
        // Second overdue month from 03-01: the butler's call.
        { "2026-01-31", null, "2026-03-01", CollectionRung.ButlerCall, "2026-03-01" },
        // Third from 04-01 (the day the March bill, due 03-31, makes three unpaid months): the visit.
        { "2026-01-31", null, "2026-04-01", CollectionRung.Visit, "2026-04-01" },
        // A rung is still done up to 7 days late (a missed run catches up), not later: the visit until 04-08.
        { "2026-01-31", null, "2026-04-08", CollectionRung.Visit, "2026-04-01" },
        { "2026-01-31", null, "2026-04-09", null, null },
        { "2026-01-31", null, "2026-02-08", CollectionRung.Reminder, "2026-02-01" },
        { "2026-01-31", null, "2026-02-09", null, null },
        // Mid-month due date: 03-15 → overdue 03-16, call 04-16, visit 05-16.
        { "2026-03-15", null, "2026-03-16", CollectionRung.Reminder, "2026-03-16" },
        { "2026-03-15", null, "2026-04-16", CollectionRung.ButlerCall, "2026-04-16" },
        { "2026-03-15", null, "2026-05-16", CollectionRung.Visit, "2026-05-16" },
        // Paid in full: the ladder stops, whichever rung it was on.
        { "2026-01-31", "2026-02-20", "2026-03-05", null, null },
        { "2026-01-31", "2026-04-02", "2026-04-02", null, null },
        // Paid after the day asked about: as of that day it was still unpaid (a past day re-evaluates).
        { "2026-01-31", "2026-03-10", "2026-03-05", CollectionRung.ButlerCall, "2026-03-01" },
        // Paid on time: never on the ladder.
        { "2026-01-31", "2026-01-20", "2026-06-01", null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Due_DefaultLadder_GivesHighestRungReached(string dueOn, string? paidOn, string asOf, CollectionRung? rung, string? since)
    {
        var bill = new CollectionBill("b1", ChinaDate.Parse(dueOn), paidOn is null ? null : ChinaDate.Parse(paidOn));

        var step = CollectionLadder.Due(bill, ChinaDate.Parse(asOf), CollectionLadderRules.Default);

        Assert.Equal(rung, step?.Rung);
        Assert.Equal(since is null ? null : ChinaDate.Parse(since), step?.DueSince);
    }

    [Fact]
    public void Due_DailyRunsOverFourMonths_ReachEachRungOnceInOrder()
    {
        var bill = new CollectionBill("b1", ChinaDate.Parse("2026-01-31"), null);
        var keys = new System.Collections.Generic.List<string>();
        for (var day = ChinaDate.Parse("2026-01-25"); day <= ChinaDate.Parse("2026-05-31"); day = day.AddDays(1))
        {
            if (CollectionLadder.Due(bill, day, CollectionLadderRules.Default) is { } step && !keys.Contains(step.Key))
            {
                keys.Add(step.Key);
            }
        }

        Assert.Equal(new[] { "b1|1", "b1|2", "b1|3" }, keys);
    }

    /// <summary>Reminder, call, visit months; as of; expected rung.</summary>
    public static TheoryData<int, int, int, string, CollectionRung?> Configured => new()
    {
        // A later call (month 3) and visit at the churn-risk threshold 4.
        { 1, 3, 4, "2026-02-05", CollectionRung.Reminder },
        { 1, 3, 4, "2026-03-01", null }, // the reminder was a month ago, the call not yet due
        { 1, 3, 4, "2026-04-01", CollectionRung.ButlerCall },
        { 1, 3, 4, "2026-05-01", CollectionRung.Visit },
        // Equal months: the higher rung wins (call and visit both in month 2: the visit).
        { 1, 2, 2, "2026-03-01", CollectionRung.Visit },
        // Everything in the first overdue month.
        { 1, 1, 1, "2026-02-01", CollectionRung.Visit },
    };

    [Theory]
    [MemberData(nameof(Configured))]
    public void Due_ConfiguredLadder_UsesItsMonths(int reminder, int call, int visit, string asOf, CollectionRung? rung)
    {
        var rules = new CollectionLadderRules { ReminderMonths = reminder, CallMonths = call, VisitMonths = visit };

        var step = CollectionLadder.Due(new CollectionBill("b1", ChinaDate.Parse("2026-01-31"), null), ChinaDate.Parse(asOf), rules);

        Assert.Equal(rung, step?.Rung);
    }

    [Theory]
    [InlineData(0, 2, 3)]
    [InlineData(2, 1, 3)]
    [InlineData(1, 4, 3)]
    public void Validate_RungsOutOfOrder_Refused(int reminder, int call, int visit)
    {
        var rules = new CollectionLadderRules { ReminderMonths = reminder, CallMonths = call, VisitMonths = visit };

        var ex = Assert.Throws<DomainException>(() => rules.Validate());
        Assert.Equal(CollectionErrorCodes.InvalidLadder, ex.Code);
    }

    [Theory]
    [InlineData(3, 1, 2)]
    [InlineData(2, 1, 2)]
    [InlineData(1, 1, 1)]
    [InlineData(6, 1, 2)]
    public void DefaultsFor_VisitMonths_NeverLaterThanTheVisit(int visit, int reminder, int call)
    {
        var rules = CollectionLadderRules.DefaultsFor(visit).Validate();

        Assert.Equal((reminder, call, visit), (rules.ReminderMonths, rules.CallMonths, rules.VisitMonths));
    }

    [Fact]
    public void From_PaymentsReachAmountDue_PaidInFullOnThatPaymentsDay()
    {
        var bill = new FeeBill("b1", new YearMonth(2026, 1), 300m, ChinaDate.Parse("2026-01-31"));
        var payments = new[]
        {
            new FeePayment("p2", "b1", 200m, DateTimeOffset.Parse("2026-03-03T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture)),
            new FeePayment("p1", "b1", 100m, DateTimeOffset.Parse("2026-02-10T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture)),
            new FeePayment("x", "other", 999m, DateTimeOffset.Parse("2026-01-01T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture)),
        };

        Assert.Equal(ChinaDate.Parse("2026-03-03"), CollectionBill.From(bill, payments).PaidInFullOn);
        Assert.Null(CollectionBill.From(bill, new[] { payments[1] }).PaidInFullOn);
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    [InlineData(false, false, false)]
    public void RequireConsent_MarketingWithoutConsent_Refused(bool marketing, bool consent, bool refused)
    {
        var ex = Record.Exception(() => MarketingConsentRules.RequireConsent(marketing, consent));

        Assert.Equal(refused, ex is DomainException { Code: CollectionErrorCodes.MarketingConsentRequired });
        Assert.Equal(refused, ex is not null);
    }

    [Fact]
    public void Compose_Reminder_ChineseServiceNoticeWithBillFacts()
    {
        var text = ReminderText.Compose(new YearMonth(2026, 1), 320.5m, ChinaDate.Parse("2026-01-31"));

        Assert.StartsWith("【物业服务通知】", text, StringComparison.Ordinal);
        Assert.Contains("2026 年 1 月", text, StringComparison.Ordinal);
        Assert.Contains("¥320.50", text, StringComparison.Ordinal);
        Assert.Contains("2026-01-31", text, StringComparison.Ordinal);
    }
}
