using System;

namespace PropertyCrm.Domain.Loyalty.Tiers;

/// <summary>The tier names staff read in reason texts, Chinese and English.</summary>
internal static class TierNames
{
    public static string Chinese(OwnerTier tier) => tier switch
    {
        OwnerTier.Standard => "普通",
        OwnerTier.Silver => "银卡",
        OwnerTier.Gold => "金卡",
        OwnerTier.Diamond => "钻石",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
    };

    public static string English(OwnerTier tier) => tier switch
    {
        OwnerTier.Standard => "Standard",
        OwnerTier.Silver => "Silver",
        OwnerTier.Gold => "Gold",
        OwnerTier.Diamond => "Diamond",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
    };
}
