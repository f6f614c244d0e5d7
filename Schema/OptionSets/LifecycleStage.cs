namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Lifecycle Stage (生命周期阶段). Owner lifecycle stage. Values: 548210000 + the domain enum value (LifecycleStage, 1-based: NewMoveIn = 548210001).</summary>
public static class LifecycleStage
{
    public const string Name = "pcrm_lifecyclestage";

    /// <summary>新入住期 / New Move-in</summary>
    public const int NewMoveIn = 548210001;

    /// <summary>稳定期 / Stable</summary>
    public const int Stable = 548210002;

    /// <summary>流失风险期 / Churn Risk</summary>
    public const int ChurnRisk = 548210003;

    /// <summary>流失期 / Churned</summary>
    public const int Churned = 548210004;
}
