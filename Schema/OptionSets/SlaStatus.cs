namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice SLA status (SLA 状态). 548210000 + the domain enum value.</summary>
public static class SlaStatus
{
    public const string Name = "pcrm_slastatus";

    /// <summary>进行中 / In progress</summary>
    public const int InProgress = 548210000;

    /// <summary>预警 / Warning</summary>
    public const int Warning = 548210001;

    /// <summary>已超时 / Breached</summary>
    public const int Breached = 548210002;

    /// <summary>已暂停 / Paused</summary>
    public const int Paused = 548210003;

    /// <summary>已达成 / Met</summary>
    public const int Met = 548210004;
}
