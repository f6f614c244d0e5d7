using PropertyCrm.Domain.Loyalty;

namespace PropertyCrm.Domain.Collection;

/// <summary>
/// The 催缴 ladder for one bill: which rung is due on a day (<see cref="CollectionLadderRules"/> for the months).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A bill is overdue from the day after its due date (as the fee standing counts it); a bill paid in full on or
/// before the day is off the ladder (a payment stops it; a payment after the day does not count, so a past day can be
/// re-evaluated).</item>
/// <item>Rung r is due from overdue day 1 + (months(r) − 1) calendar months: due 2026-01-31 → reminder 2026-02-01, call
/// 2026-03-01, visit 2026-04-01 (the day the March bill, due 03-31, makes three consecutive unpaid months).</item>
/// <item>Only the highest rung reached is due, and only up to <see cref="CollectionLadderRules.CatchUpDays"/> (7) days after
/// it was reached: a run that starts late (or misses days) does not send a reminder, call and visit at once, a rung passed
/// over is not done later, and switching the ladder on does not send a visit for every old unpaid bill. The caller does each
/// step once by its key.</item>
/// </list>
/// </remarks>
public static class CollectionLadder
{
    /// <summary>The day <paramref name="rung"/> becomes due for a bill due on <paramref name="dueOn"/>.</summary>
    public static ChinaDate DueSince(ChinaDate dueOn, CollectionRung rung, CollectionLadderRules rules)
    {
        Guard.NotNull(rules, nameof(rules));
        return dueOn.AddDays(1).AddMonths(rules.MonthsOf(rung) - 1);
    }

    /// <summary>The highest rung due for <paramref name="bill"/> on <paramref name="asOf"/>; null when none (not overdue, or paid).</summary>
    public static CollectionStep? Due(CollectionBill bill, ChinaDate asOf, CollectionLadderRules rules)
    {
        Guard.NotNull(bill, nameof(bill));
        rules = Guard.NotNull(rules, nameof(rules)).Validate();

        if (bill.PaidInFullOn is ChinaDate paidOn && paidOn <= asOf)
        {
            return null;
        }

        foreach (var rung in new[] { CollectionRung.Visit, CollectionRung.ButlerCall, CollectionRung.Reminder })
        {
            var since = DueSince(bill.DueOn, rung, rules);
            if (since <= asOf)
            {
                return since.AddDays(rules.CatchUpDays) >= asOf ? new CollectionStep(bill.BillId, rung, since) : null;
            }
        }

        return null;
    }
}
