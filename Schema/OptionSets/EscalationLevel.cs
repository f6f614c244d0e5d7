namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Escalation level (升级级别). 548210000 + the domain enum value.</summary>
public static class EscalationLevel
{
    public const string Name = "pcrm_escalationlevel";

    /// <summary>预警 / Warning</summary>
    public const int Warning = 548210000;

    /// <summary>一级(主管) / Level 1 (supervisor)</summary>
    public const int Level1 = 548210001;

    /// <summary>二级(项目经理) / Level 2 (property manager)</summary>
    public const int Level2 = 548210002;

    /// <summary>三级(品质部) / Level 3 (quality department)</summary>
    public const int Level3 = 548210003;
}
