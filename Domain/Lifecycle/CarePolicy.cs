using System.Collections.Generic;
using PropertyCrm.Domain.Loyalty;

namespace PropertyCrm.Domain.Lifecycle;

/// <summary>
/// The care rules as a pure function: given the owner's facts and stage on a date, which actions to suggest
/// and by when. Nothing is suggested for an owner who has moved out.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Maintenance reminder, due the same day: on-time ratio ≥ 0.9 with nothing overdue, and ≥ 3 repair
/// requests in the last 90 days. Someone who pays and keeps calling about repairs needs prevention, not more tickets.</item>
/// <item>Care plan, due within 7 days: in arrears and at most 1 request or activity in the last 180 days.
/// Arrears from an owner who has gone quiet is the start of churn.</item>
/// <item>Retention contact, due within 2 days: the owner is in the churn-risk stage.</item>
/// </list>
/// Windows are (asOf − N days, asOf], China dates.
/// </remarks>
public sealed class CarePolicy
{
    public CarePolicy(CareRules rules)
    {
        Guard.NotNull(rules, nameof(rules));

        Rules = rules.Validate();
    }

    public CareRules Rules { get; }

    public IReadOnlyList<SuggestedAction> Suggest(OwnerFacts facts, LifecycleStage stage, ChinaDate asOf)
    {
        Guard.NotNull(facts, nameof(facts));

        var actions = new List<SuggestedAction>();
        if (!facts.IsResidentOn(asOf))
        {
            return actions;
        }

        var fees = facts.Fees;
        var repairWindowStart = asOf.AddDays(-Rules.FrequentRepairWindowDays);
        var interactionWindowStart = asOf.AddDays(-Rules.LowInteractionWindowDays);
        var repairs = 0;
        var interactions = 0;
        foreach (var request in facts.ServiceRequests)
        {
            if (request.OpenedOn > asOf)
            {
                continue;
            }

            if (request.IsRepair && request.OpenedOn > repairWindowStart)
            {
                repairs++;
            }

            if (request.OpenedOn > interactionWindowStart)
            {
                interactions++;
            }
        }

        foreach (var activity in facts.ActivityDates)
        {
            if (activity <= asOf && activity > interactionWindowStart)
            {
                interactions++;
            }
        }

        if (fees.OnTimeRatio is decimal ratio && ratio >= Rules.OnTimeRatioAtLeast && !fees.InArrears
            && repairs >= Rules.FrequentRepairCount)
        {
            actions.Add(new SuggestedAction(
                SuggestedActionKind.MaintenanceReminder,
                asOf,
                StaffRole.Butler,
                LifecycleReasonCodes.MaintenanceReminder,
                $"按时缴费且 {Rules.FrequentRepairWindowDays} 天内报修 {repairs} 次:发送维保提醒并预约上门检查 / Pays on time and filed {repairs} repairs in {Rules.FrequentRepairWindowDays} days: send a maintenance reminder and offer a preventive check."));
        }

        if (fees.InArrears && interactions <= Rules.LowInteractionAtMost)
        {
            actions.Add(new SuggestedAction(
                SuggestedActionKind.CarePlan,
                asOf.AddDays(Rules.CarePlanWithinDays),
                StaffRole.Butler,
                LifecycleReasonCodes.CarePlan,
                $"欠费 {Cny.Format(fees.OverdueAmount)} 且 {Rules.LowInteractionWindowDays} 天内互动 {interactions} 次:制定关怀计划,管家一对一沟通 / {Cny.Format(fees.OverdueAmount)} overdue and {interactions} interactions in {Rules.LowInteractionWindowDays} days: start a care plan with one-to-one butler contact."));
        }

        if (stage == LifecycleStage.ChurnRisk)
        {
            actions.Add(new SuggestedAction(
                SuggestedActionKind.RetentionContact,
                asOf.AddDays(Rules.RetentionContactWithinDays),
                StaffRole.Butler,
                LifecycleReasonCodes.RetentionContact,
                "流失风险期:专属管家一对一沟通,制定挽留方案 / Churn risk: one-to-one contact by the owner's butler and a retention plan."));
        }

        return actions;
    }
}
