namespace PropertyCrm.Domain.Lifecycle;

/// <summary>
/// Lifecycle thresholds admins maintain. The defaults are the sources' own numbers where they give one
/// (three months unpaid, six months without a request) and the product's choice otherwise.
/// </summary>
public sealed record LifecycleRules
{
    public static LifecycleRules Default { get; } = new LifecycleRules();

    /// <summary>
    /// Days from the move-in date that count as 新入住期, move-in day included: 90 covers the first
    /// quarter, when the welcome visit, first bills and first repairs (snagging) happen.
    /// </summary>
    public int NewMoveInDays { get; init; } = 90;

    /// <summary>连续3个月未缴费: consecutive unpaid months that raise the churn-risk flag.</summary>
    public int ChurnRiskUnpaidMonths { get; init; } = 3;

    /// <summary>半年内无报事记录: months without any service request (counted from move-in when there was
    /// none) that raise the disengagement flag.</summary>
    public int ChurnRiskQuietMonths { get; init; } = 6;

    /// <summary>
    /// Consecutive unpaid months at which an owner still living there counts as churned: twice the risk
    /// threshold, i.e. a whole quarter of retention effort has failed. Paying up brings them back.
    /// </summary>
    public int ChurnedUnpaidMonths { get; init; } = 6;

    /// <summary>Refuses thresholds that cannot order the stages.</summary>
    public LifecycleRules Validate()
    {
        if (NewMoveInDays < 1 || ChurnRiskUnpaidMonths < 1 || ChurnRiskQuietMonths < 1 || ChurnedUnpaidMonths <= ChurnRiskUnpaidMonths)
        {
            throw new DomainException(
                LifecycleErrorCodes.InvalidRules,
                "生命周期阈值须为正数,且流失月数大于风险月数 / Lifecycle thresholds must be positive, and churned months must exceed churn-risk months.");
        }

        return this;
    }
}
