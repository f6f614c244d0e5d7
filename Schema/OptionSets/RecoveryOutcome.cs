namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Recovery Outcome (挽回结果).</summary>
public static class RecoveryOutcome
{
    public const string Name = "pcrm_recoveryoutcome";

    /// <summary>已挽回 / Recovered</summary>
    public const int Recovered = 548210000;

    /// <summary>未挽回 / Not recovered</summary>
    public const int NotRecovered = 548210001;
}
