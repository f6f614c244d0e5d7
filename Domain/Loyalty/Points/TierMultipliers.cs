using System;
using PropertyCrm.Domain.Loyalty.Tiers;

namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>Per-tier multipliers for one earn rule; 1 means no bonus. The result is rounded down.</summary>
public sealed record TierMultipliers
{
    /// <summary>No bonus for any tier.</summary>
    public static TierMultipliers None { get; } = new TierMultipliers();

    public decimal Standard { get; init; } = 1m;

    public decimal Silver { get; init; } = 1m;

    public decimal Gold { get; init; } = 1m;

    public decimal Diamond { get; init; } = 1m;

    public decimal For(OwnerTier tier) => tier switch
    {
        OwnerTier.Standard => Standard,
        OwnerTier.Silver => Silver,
        OwnerTier.Gold => Gold,
        OwnerTier.Diamond => Diamond,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
    };

    internal bool IsValid => Standard > 0m && Silver > 0m && Gold > 0m && Diamond > 0m;
}
