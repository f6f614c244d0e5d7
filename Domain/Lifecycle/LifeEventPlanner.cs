using System;
using System.Collections.Generic;
using PropertyCrm.Domain.Loyalty;

namespace PropertyCrm.Domain.Lifecycle;

/// <summary>
/// Life-event visits due in a date range, as a pure function: the move-in welcome visit on day one and the
/// 60th-birthday visit (满六十大寿) on the birthday itself. A daily job asks for [today, today + 1); a
/// planner screen asks for a month.
/// </summary>
public static class LifeEventPlanner
{
    /// <summary>The age whose birthday the service-centre head marks with a visit.</summary>
    public const int MilestoneBirthday = 60;

    /// <param name="facts">The owner.</param>
    /// <param name="from">First date of the range (China).</param>
    /// <param name="toExclusive">The day after the last date of the range: the range is [from, toExclusive).</param>
    public static IReadOnlyList<SuggestedAction> Plan(OwnerFacts facts, ChinaDate from, ChinaDate toExclusive)
    {
        Guard.NotNull(facts, nameof(facts));

        if (toExclusive < from)
        {
            throw new ArgumentException("The range ends before it starts.", nameof(toExclusive));
        }

        var actions = new List<SuggestedAction>();
        if (facts.MoveInOn >= from && facts.MoveInOn < toExclusive)
        {
            actions.Add(new SuggestedAction(
                SuggestedActionKind.MoveInWelcomeVisit,
                facts.MoveInOn,
                StaffRole.ServiceCentreManager,
                LifecycleReasonCodes.MoveInWelcomeVisit,
                $"{facts.MoveInOn} 入住:服务中心经理当天登门欢迎 / Moves in on {facts.MoveInOn}: the service-centre manager's welcome visit on day one."));
        }

        // Sixty years after a 29 February is a leap year too, except across a century: 2040-02-29 turns 60 on
        // 2100-02-28 (AddYears clamps), so no one is skipped.
        if (facts.BirthDate is ChinaDate born)
        {
            var birthday = born.AddYears(MilestoneBirthday);
            if (birthday >= from && birthday < toExclusive && facts.IsResidentOn(birthday))
            {
                actions.Add(new SuggestedAction(
                    SuggestedActionKind.SixtiethBirthdayVisit,
                    birthday,
                    StaffRole.ServiceCentreManager,
                    LifecycleReasonCodes.SixtiethBirthdayVisit,
                    $"{birthday} 满六十大寿:服务中心负责人登门祝寿并送贺卡 / 60th birthday on {birthday}: the service-centre head visits with a card."));
            }
        }

        actions.Sort((left, right) => left.DueOn.CompareTo(right.DueOn));
        return actions;
    }
}
