namespace PropertyCrm.Domain.Loyalty.Tiers;

/// <summary>Why the tier is being evaluated, which decides whether it may go down.</summary>
public enum TierTrigger
{
    /// <summary>A payment, points award or other event: upgrades apply at once, nothing goes down.</summary>
    Event = 0,

    /// <summary>The scheduled review (<see cref="TierRules.ReviewEveryMonths"/>): may also go down, one level.</summary>
    PeriodicReview = 1,
}
