using System;
using System.Collections.Generic;
using System.Linq;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Domain.ServiceRequests.FollowUps;

/// <summary>
/// The escalation ladder of an overdue 挽回 recovery case. The case already belongs to the property's 客服主管 supervisor
/// (the ladder's level 1), so its rungs are the ladder's next ones: at the due time → <see cref="EscalationLevel.Level2"/>,
/// the property manager (项目经理); <see cref="Level3AfterDue"/> later → <see cref="EscalationLevel.Level3"/>, the quality
/// department (品质部) — the recipients <see cref="EscalationLadder.RecipientOf"/> names for those levels. Calendar time (24x7),
/// as the case's 24-hour deadline is. Pure: the caller passes the due time, the rungs already recorded and <c>now</c>.
/// </summary>
/// <remarks>
/// Reviewing again with the returned <see cref="RecoveryEscalationReview.Due"/> added to the recorded rungs raises nothing:
/// with the SLA sweep's job lock and the escalation key (recovery case × level) that makes the sweep idempotent.
/// </remarks>
public static class RecoveryEscalation
{
    /// <summary>
    /// How long after the due time the quality department is told: 24 hours, the case's own deadline again — an unhappy owner
    /// nobody has called back for a day after the promise has become a quality matter (issue 11: the recovery case is "on the
    /// escalation ladder"; the ladder's default shape puts the next rung a whole target after the breach, here 24 h).
    /// </summary>
    public static readonly TimeSpan Level3AfterDue = TimeSpan.FromHours(24);

    /// <summary>The rungs, in order (each is due at <see cref="RungDueOn"/>).</summary>
    public static IReadOnlyList<EscalationLevel> Rungs { get; } = new[] { EscalationLevel.Level2, EscalationLevel.Level3 };

    /// <summary>When <paramref name="level"/> is due for a case due at <paramref name="dueOn"/>.</summary>
    public static DateTimeOffset RungDueOn(DateTimeOffset dueOn, EscalationLevel level) => level switch
    {
        EscalationLevel.Level2 => dueOn,
        EscalationLevel.Level3 => dueOn + Level3AfterDue,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "A recovery case escalates to levels 2 and 3 only."),
    };

    /// <summary>The first rung not recorded, as the case's next escalation instant; null once every rung is raised.</summary>
    public static DateTimeOffset? NextOn(DateTimeOffset dueOn, IEnumerable<EscalationLevel> recorded)
    {
        Guard.NotNull(recorded, nameof(recorded));
        var raised = recorded.ToArray();
        foreach (var rung in Rungs)
        {
            if (!raised.Contains(rung))
            {
                return RungDueOn(dueOn, rung);
            }
        }

        return null;
    }

    /// <summary>
    /// The next escalation instant after the due time is changed on a case whose highest raised rung is
    /// <paramref name="highestLevel"/> (rungs are raised in order, so the rungs up to it are recorded): a case moved later
    /// escalates later, one already escalated to the quality department escalates no more.
    /// </summary>
    public static DateTimeOffset? NextOnAfterDueChange(DateTimeOffset? dueOn, EscalationLevel? highestLevel) =>
        dueOn is { } due ? NextOn(due, Rungs.Where(r => highestLevel.HasValue && r <= highestLevel.Value)) : null;

    /// <summary>
    /// Refuses a direct save that changes the escalation level or next escalation instant (only the SLA sweep writes them,
    /// so nobody can silence an escalation by typing); sending the stored values back passes.
    /// </summary>
    public static void RefuseDirectEdit(bool changesSweepColumns)
    {
        if (changesSweepColumns)
        {
            throw new DomainException(
                FollowUpErrorCodes.RecoveryEscalationSystemColumn,
                "挽回的“升级级别”和“下次升级时间”由 SLA 扫描维护,不能直接修改 / A recovery case's Escalation Level and Next Escalation On are maintained by the SLA sweep and cannot be edited.");
        }
    }

    /// <summary>What the sweep does for an open case at <paramref name="now"/>.</summary>
    public static RecoveryEscalationReview Review(DateTimeOffset dueOn, IEnumerable<EscalationLevel> recorded, DateTimeOffset now)
    {
        Guard.NotNull(recorded, nameof(recorded));
        var raised = recorded.Where(Rungs.Contains).Distinct().ToList();
        var due = Rungs
            .Where(r => !raised.Contains(r) && RungDueOn(dueOn, r) <= now)
            .Select(r => new RecoveryRung(r, RungDueOn(dueOn, r)))
            .ToList();
        raised.AddRange(due.Select(d => d.Level));
        EscalationLevel? highest = raised.Count == 0 ? null : raised.Max();
        return new RecoveryEscalationReview(due.AsReadOnly(), highest, NextOn(dueOn, raised));
    }
}
