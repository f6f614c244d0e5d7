namespace PropertyCrm.Domain.Sla;

/// <summary>Who is told at each <see cref="EscalationLevel"/>; the Dataverse side resolves the role to people.</summary>
public enum EscalationRecipient
{
    /// <summary>The person the request is assigned to (under 首问负责制, usually the agent who took it).</summary>
    Assignee = 0,

    /// <summary>主管.</summary>
    TeamSupervisor = 1,

    /// <summary>项目经理.</summary>
    PropertyManager = 2,

    /// <summary>品质部.</summary>
    QualityDepartment = 3,
}
