namespace PropertyCrm.Domain.Lifecycle;

/// <summary>The churn-risk signals the sources name.</summary>
public enum ChurnRiskFlagKind
{
    /// <summary>连续3个月未缴费: consecutive months unpaid (<see cref="LifecycleRules.ChurnRiskUnpaidMonths"/>).</summary>
    ConsecutiveUnpaidMonths = 1,

    /// <summary>半年内无报事记录: no service request for a while (<see cref="LifecycleRules.ChurnRiskQuietMonths"/>).</summary>
    NoRecentServiceRequest = 2,
}
