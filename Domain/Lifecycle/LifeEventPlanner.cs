using System;
using System.Collections.Generic;
using PropertyCrm.Domain.Loyalty;

namespace PropertyCrm.Domain.Lifecycle;

/// <summary>
/// Life-event visits and calls due in a date range, as a pure function: the move-in welcome visit on day one, the
/// new move-in sequence (装修协助 → 邻里介绍 → 社区活动 invitation), the round-birthday visits (满六十大寿, 70, 80…),
/// the newborn visit and the check-in calls to an elderly owner living alone. A daily job asks for a few days around
/// today (<see cref="CarePlanner"/>); a planner screen asks for a month.
/// </summary>
/// <remarks>
/// Each action's <see cref="SuggestedAction.DueOn"/> is also its occasion: the day that identifies it (one birthday
/// visit per birthday, one check-in per interval), so a caller can key it. Nothing is planned for a day the owner
/// does not live there.
/// </remarks>
public static class LifeEventPlanner
{
    /// <summary>The age whose birthday the service-centre head marks with a visit first (满六十大寿).</summary>
    public const int MilestoneBirthday = 60;

    /// <param name="facts">The owner.</param>
    /// <param name="from">First date of the range (China).</param>
    /// <param name="toExclusive">The day after the last date of the range: the range is [from, toExclusive).</param>
    public static IReadOnlyList<SuggestedAction> Plan(OwnerFacts facts, ChinaDate from, ChinaDate toExclusive) =>
        Plan(facts, from, toExclusive, LifeEventRules.Default);

    /// <inheritdoc cref="Plan(OwnerFacts, ChinaDate, ChinaDate)"/>
    /// <param name="rules">The days of the sequence, the birthdays and the check-in interval.</param>
    public static IReadOnlyList<SuggestedAction> Plan(OwnerFacts facts, ChinaDate from, ChinaDate toExclusive, LifeEventRules rules)
    {
        Guard.NotNull(facts, nameof(facts));
        Guard.NotNull(rules, nameof(rules));
        rules.Validate();

        if (toExclusive < from)
        {
            throw new ArgumentException("The range ends before it starts.", nameof(toExclusive));
        }

        var actions = new List<SuggestedAction>();
        void Add(SuggestedActionKind kind, ChinaDate on, StaffRole role, string reasonCode, string reason)
        {
            if (on >= from && on < toExclusive && facts.IsResidentOn(on))
            {
                actions.Add(new SuggestedAction(kind, on, role, reasonCode, reason));
            }
        }

        var moveIn = facts.MoveInOn;
        Add(
            SuggestedActionKind.MoveInWelcomeVisit,
            moveIn,
            StaffRole.ServiceCentreManager,
            LifecycleReasonCodes.MoveInWelcomeVisit,
            $"{moveIn} 入住:服务中心经理当天登门欢迎 / Moves in on {moveIn}: the service-centre manager's welcome visit on day one.");
        Add(
            SuggestedActionKind.RenovationAssistance,
            moveIn.AddDays(rules.RenovationAssistanceDay - 1),
            StaffRole.Butler,
            LifecycleReasonCodes.RenovationAssistance,
            $"新入住第 {rules.RenovationAssistanceDay} 天:装修协助(装修申报、施工须知) / New owner, day {rules.RenovationAssistanceDay}: help with the renovation filing and works.");
        Add(
            SuggestedActionKind.NeighbourIntroduction,
            moveIn.AddDays(rules.NeighbourIntroductionDay - 1),
            StaffRole.Butler,
            LifecycleReasonCodes.NeighbourIntroduction,
            $"新入住第 {rules.NeighbourIntroductionDay} 天:邻里介绍 / New owner, day {rules.NeighbourIntroductionDay}: introduce the neighbours.");
        Add(
            SuggestedActionKind.CommunityEventInvitation,
            moveIn.AddDays(rules.CommunityEventInvitationDay - 1),
            StaffRole.Butler,
            LifecycleReasonCodes.CommunityEventInvitation,
            $"新入住第 {rules.CommunityEventInvitationDay} 天:邀请参加社区活动 / New owner, day {rules.CommunityEventInvitationDay}: invite them to a community event.");

        // A birthday 60 years after 29 February falls on 28 February in a common year (AddYears clamps), so no one is
        // skipped: 2040-02-29 turns 60 on 2100-02-28.
        if (facts.BirthDate is ChinaDate born)
        {
            for (var age = rules.FirstMilestoneAge; born.AddYears(age) < toExclusive; age += rules.MilestoneEveryYears)
            {
                var birthday = born.AddYears(age);
                Add(
                    SuggestedActionKind.MilestoneBirthdayVisit,
                    birthday,
                    StaffRole.ServiceCentreManager,
                    LifecycleReasonCodes.MilestoneBirthdayVisit,
                    $"{birthday} {age} 岁整寿:服务中心负责人登门祝寿,送贺卡与寿面 / {age}th birthday on {birthday}: the service-centre head visits with a card (and 寿面).");
            }
        }

        if (facts.NewbornOn is ChinaDate newborn)
        {
            Add(
                SuggestedActionKind.NewbornVisit,
                newborn.AddDays(rules.NewbornVisitAfterDays),
                StaffRole.Butler,
                LifecycleReasonCodes.NewbornVisit,
                $"{newborn} 家中添丁:满月登门祝贺 / A baby born on {newborn}: the butler's congratulation visit at one month.");
        }

        if (facts.LivesAlone)
        {
            // Calls every N days counted from move-in (day 1 is the first); every one in the range.
            var interval = facts.CheckInIntervalDays is int days && days > 0 ? days : rules.CheckInIntervalDays;
            var first = Math.Max(0, (moveIn.DaysUntil(from) + interval - 1) / interval);
            for (var call = moveIn.AddDays(first * interval); call < toExclusive; call = call.AddDays(interval))
            {
                Add(
                    SuggestedActionKind.LivingAloneCheckIn,
                    call,
                    StaffRole.Butler,
                    LifecycleReasonCodes.LivingAloneCheckIn,
                    $"独居老人:每 {interval} 天电话问候({call}) / Elderly owner living alone: check-in call every {interval} days ({call}).");
            }
        }

        actions.Sort((left, right) => left.DueOn.CompareTo(right.DueOn));
        return actions;
    }
}
