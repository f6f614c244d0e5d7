namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Recovery Reason (挽回原因).</summary>
public static class RecoveryReason
{
    public const string Name = "pcrm_recoveryreason";

    /// <summary>NPS 贬损者 / NPS detractor (0–6)</summary>
    public const int Detractor = 548210000;

    /// <summary>满意度低 / Low satisfaction (≤ 2)</summary>
    public const int LowSatisfaction = 548210001;

    /// <summary>两次未解决 / Not fixed twice</summary>
    public const int NotFixedTwice = 548210002;
}
