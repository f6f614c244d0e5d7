namespace PropertyCrm.Domain.Lifecycle;

/// <summary>The owner lifecycle stages the sources name (客户生命周期).</summary>
public enum LifecycleStage
{
    /// <summary>新入住期: the first weeks after moving in, when first impressions are made.</summary>
    NewMoveIn = 1,

    /// <summary>稳定期: settled, paying, in touch.</summary>
    Stable = 2,

    /// <summary>流失风险期: a churn-risk signal is up (<see cref="ChurnRiskFlagKind"/>).</summary>
    ChurnRisk = 3,

    /// <summary>流失期: moved out, or so long unpaid that the relationship is effectively lost.</summary>
    Churned = 4,
}
