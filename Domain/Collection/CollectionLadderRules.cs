namespace PropertyCrm.Domain.Collection;

/// <summary>
/// When each rung of the 催缴 ladder is due, in overdue months of one bill (issue 13: after 1 overdue month a reminder,
/// after 2 a butler call, after 3 a visit and the churn-risk flag). A bill's first overdue month starts the day after
/// its due date, the way the fee standing counts a month unpaid; its n-th overdue month starts n − 1 calendar months
/// later. So with monthly bills the n-th rung of the oldest unpaid bill is due the day the n-th consecutive bill falls
/// overdue: the visit rung (<see cref="VisitMonths"/>, the lifecycle's churn-risk unpaid months) is due the same day
/// the lifecycle review raises the churn-risk flag.
/// </summary>
public sealed record CollectionLadderRules
{
    public static CollectionLadderRules Default { get; } = new CollectionLadderRules();

    /// <summary>催缴提醒 in the bill's first overdue month (issue 13: after 1 overdue month).</summary>
    public int ReminderMonths { get; init; } = 1;

    /// <summary>催缴电话 in the second overdue month (issue 13: after 2).</summary>
    public int CallMonths { get; init; } = 2;

    /// <summary>
    /// 催缴上门 in the third overdue month (issue 13: after 3, with the churn-risk flag): always the lifecycle's
    /// churn-risk unpaid months (<c>LifecycleRules.ChurnRiskUnpaidMonths</c>), so the ladder and the flag agree.
    /// </summary>
    public int VisitMonths { get; init; } = 3;

    /// <summary>
    /// How many days late a rung is still done (the care planner's catch-up, <c>LifeEventRules.CatchUpDays</c>): a missed
    /// run catches up, but bills long overdue when the ladder is first switched on do not all get a visit the first morning.
    /// </summary>
    public int CatchUpDays { get; init; } = 7;

    /// <summary>The months of <paramref name="rung"/>.</summary>
    public int MonthsOf(CollectionRung rung) => rung switch
    {
        CollectionRung.Reminder => ReminderMonths,
        CollectionRung.ButlerCall => CallMonths,
        _ => VisitMonths,
    };

    /// <summary>
    /// The default reminder and call months for a visit at <paramref name="visitMonths"/>: 1 and 2, never later than the
    /// visit (a churn-risk threshold of 1 month puts all three rungs in the first overdue month).
    /// </summary>
    public static CollectionLadderRules DefaultsFor(int visitMonths) => new()
    {
        ReminderMonths = System.Math.Min(Default.ReminderMonths, visitMonths),
        CallMonths = System.Math.Min(Default.CallMonths, visitMonths),
        VisitMonths = visitMonths,
    };

    /// <summary>Refuses a ladder whose rungs are not at least 1 month and in order (equal months: the higher rung wins).</summary>
    public CollectionLadderRules Validate()
    {
        if (ReminderMonths < 1 || CallMonths < ReminderMonths || VisitMonths < CallMonths || CatchUpDays < 0)
        {
            throw new DomainException(
                CollectionErrorCodes.InvalidLadder,
                $"催缴阶梯须满足 1 ≤ 提醒月数 ≤ 电话月数 ≤ 上门月数(流失风险欠费月数),当前为 {ReminderMonths}/{CallMonths}/{VisitMonths} / The collection ladder needs 1 ≤ reminder months ≤ call months ≤ visit months (the churn-risk unpaid months); got {ReminderMonths}/{CallMonths}/{VisitMonths}.");
        }

        return this;
    }
}
