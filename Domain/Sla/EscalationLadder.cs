using System;

namespace PropertyCrm.Domain.Sla;

/// <summary>
/// When each rung of escalation is raised for one KPI target. Warning and Level 1 are fixed by the target
/// (warning threshold, breach); Levels 2 and 3 come a configurable working time after the breach, measured on
/// the KPI's own calendar so an ordinary complaint does not reach the property manager over a weekend.
/// </summary>
public sealed class EscalationLadder
{
    public EscalationLadder(TimeSpan level2AfterBreach, TimeSpan level3AfterBreach)
    {
        if (level2AfterBreach <= TimeSpan.Zero || level3AfterBreach <= level2AfterBreach)
        {
            throw new DomainException(
                SlaErrorCodes.InvalidLadder,
                $"升级阶梯无效:须 0 < 二级({level2AfterBreach}) < 三级({level3AfterBreach}) / "
                + $"Invalid escalation ladder: need 0 < level 2 ({level2AfterBreach}) < level 3 ({level3AfterBreach}) after breach.");
        }

        Level2AfterBreach = level2AfterBreach;
        Level3AfterBreach = level3AfterBreach;
    }

    /// <summary>Working time after the breach at which the property manager (项目经理) is told.</summary>
    public TimeSpan Level2AfterBreach { get; }

    /// <summary>Working time after the breach at which the quality department (品质部) is told.</summary>
    public TimeSpan Level3AfterBreach { get; }

    /// <summary>
    /// The default shape: property manager at half the target past the breach, quality department at a whole
    /// target past it (1.5× and 2× the target). Scaling with the target keeps a 30-minute emergency and a
    /// 3-day complaint equally proportionate without a table per policy.
    /// </summary>
    public static EscalationLadder ProportionalTo(TimeSpan target)
    {
        return new EscalationLadder(TimeSpan.FromTicks(target.Ticks / 2), target);
    }

    /// <summary>Who hears about <paramref name="level"/>.</summary>
    public static EscalationRecipient RecipientOf(EscalationLevel level) => level switch
    {
        EscalationLevel.Warning => EscalationRecipient.Assignee,
        EscalationLevel.Level1 => EscalationRecipient.TeamSupervisor,
        EscalationLevel.Level2 => EscalationRecipient.PropertyManager,
        EscalationLevel.Level3 => EscalationRecipient.QualityDepartment,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown escalation level."),
    };
}
