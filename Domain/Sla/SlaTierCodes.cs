using System;
using PropertyCrm.Domain.Loyalty.Tiers;

namespace PropertyCrm.Domain.Sla;

/// <summary>
/// The owner-tier codes SLA policies name (<see cref="SlaPolicy.OwnerTier"/>): the owner's tier copied onto a request
/// when it is logged, e.g. "diamond". Lower-case English names of <see cref="OwnerTier"/>; policies compare them
/// case-insensitively.
/// </summary>
public static class SlaTierCodes
{
    public const string Diamond = "diamond";

    /// <summary>The code of <paramref name="tier"/>: "standard", "silver", "gold" or "diamond".</summary>
    public static string Of(OwnerTier tier) => tier switch
    {
        OwnerTier.Standard => "standard",
        OwnerTier.Silver => "silver",
        OwnerTier.Gold => "gold",
        OwnerTier.Diamond => Diamond,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown owner tier."),
    };
}
