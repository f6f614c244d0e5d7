using System.Collections.Generic;
using System.Linq;
using PropertyCrm.Domain.Loyalty;

namespace PropertyCrm.Domain.Lifecycle;

/// <summary>
/// The daily care plan of one owner as a pure function: the life events (<see cref="LifeEventPlanner"/>) falling from
/// <see cref="LifeEventRules.CatchUpDays"/> days ago to <see cref="LifeEventRules.LeadDays"/> days ahead, and the care
/// rules' actions for today (<see cref="CarePolicy"/>), each with its occasion.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Life events: the occasion is the event's own date. Of the living-alone check-in calls only the latest in the
/// window is kept: after a missed week the butler calls once, not twice.</item>
/// <item>Maintenance reminder and care plan: at most one per calendar month (occasion: the 1st of the month) while the
/// rule holds.</item>
/// <item>Retention contact: one per churn-risk episode (occasion: the day the risk began, else today).</item>
/// </list>
/// </remarks>
public static class CarePlanner
{
    /// <param name="facts">The owner, with household facts.</param>
    /// <param name="stage">The stored lifecycle stage (the lifecycle review's), null when none yet.</param>
    /// <param name="churnRiskSince">The stored start of the churn risk, or null.</param>
    /// <param name="asOf">Today (China).</param>
    public static IReadOnlyList<CareOccasion> Plan(
        OwnerFacts facts,
        LifecycleStage? stage,
        ChinaDate? churnRiskSince,
        ChinaDate asOf,
        LifeEventRules lifeEvents,
        CarePolicy policy)
    {
        Guard.NotNull(facts, nameof(facts));
        Guard.NotNull(lifeEvents, nameof(lifeEvents));
        Guard.NotNull(policy, nameof(policy));

        var planned = new List<CareOccasion>();
        var events = LifeEventPlanner.Plan(facts, asOf.AddDays(-lifeEvents.CatchUpDays), asOf.AddDays(lifeEvents.LeadDays + 1), lifeEvents);
        var lastCall = events.LastOrDefault(a => a.Kind == SuggestedActionKind.LivingAloneCheckIn);
        foreach (var action in events)
        {
            if (action.Kind != SuggestedActionKind.LivingAloneCheckIn || ReferenceEquals(action, lastCall))
            {
                planned.Add(new CareOccasion(action, action.DueOn));
            }
        }

        // CarePolicy suggests nothing once the owner has moved out; stage null (never reviewed) is not churn risk.
        var monthStart = new ChinaDate(asOf.Year, asOf.Month, 1);
        foreach (var action in policy.Suggest(facts, stage ?? LifecycleStage.Stable, asOf))
        {
            var occasion = action.Kind == SuggestedActionKind.RetentionContact ? churnRiskSince ?? asOf : monthStart;
            planned.Add(new CareOccasion(action, occasion));
        }

        return planned;
    }
}
