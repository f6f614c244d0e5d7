namespace PropertyCrm.Domain.Loyalty.Tiers;

/// <summary>Stable codes for why a tier was qualified for or changed; reports group by these.</summary>
public static class TierReasonCodes
{
    public const string DiamondByFees = "tier.qualified.diamond-fees";
    public const string GoldByFees = "tier.qualified.gold-fees";
    public const string GoldByEngagement = "tier.qualified.gold-engagement";
    public const string SilverByFees = "tier.qualified.silver-fees";
    public const string SilverByEngagement = "tier.qualified.silver-engagement";
    public const string StandardBelowThresholds = "tier.qualified.standard";
    public const string StandardByArrears = "tier.qualified.standard-arrears";
    public const string Upgraded = "tier.changed.upgrade";
    public const string DowngradedAtReview = "tier.changed.downgrade-review";
}
