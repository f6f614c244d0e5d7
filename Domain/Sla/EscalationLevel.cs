namespace PropertyCrm.Domain.Sla;

/// <summary>
/// The rungs of the escalation ladder, in order. Each is raised at most once per KPI; the number is the order
/// and is persisted with the escalation record, so never renumber.
/// </summary>
public enum EscalationLevel
{
    /// <summary>The warning threshold is reached: remind the assignee.</summary>
    Warning = 0,

    /// <summary>The target is breached: tell the team supervisor (主管).</summary>
    Level1 = 1,

    /// <summary>Still open a set working time after the breach: tell the property manager (项目经理).</summary>
    Level2 = 2,

    /// <summary>Still open later again: tell the quality department (品质部).</summary>
    Level3 = 3,
}
