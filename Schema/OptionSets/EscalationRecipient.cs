namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Escalation recipient (通知对象). 548210000 + the domain enum value.</summary>
public static class EscalationRecipient
{
    public const string Name = "pcrm_escalationrecipient";

    /// <summary>处理人 / Assignee</summary>
    public const int Assignee = 548210000;

    /// <summary>主管 / Team supervisor</summary>
    public const int TeamSupervisor = 548210001;

    /// <summary>项目经理 / Property manager</summary>
    public const int PropertyManager = 548210002;

    /// <summary>品质部 / Quality department</summary>
    public const int QualityDepartment = 548210003;
}
