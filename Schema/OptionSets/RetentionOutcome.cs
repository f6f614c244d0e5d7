namespace PropertyCrm.Schema.OptionSets;

/// <summary>Local choice Outcome (挽留结果) of pcrm_retentioncase.</summary>
public static class RetentionOutcome
{
    public const string Name = "pcrm_retentioncase_pcrm_outcome";

    /// <summary>已挽留 / Retained</summary>
    public const int Retained = 548210000;

    /// <summary>已流失 / Left</summary>
    public const int Left = 548210001;
}
