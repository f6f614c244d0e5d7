namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Owner Tier (业主等级). Owner tiers (membership levels), lowest first. Values: 548210000 + the domain enum value (OwnerTier, 0-based: Standard = 548210000).</summary>
public static class OwnerTier
{
    public const string Name = "pcrm_ownertier";

    /// <summary>普通 / Standard</summary>
    public const int Standard = 548210000;

    /// <summary>银卡 / Silver</summary>
    public const int Silver = 548210001;

    /// <summary>金卡 / Gold</summary>
    public const int Gold = 548210002;

    /// <summary>钻石 / Diamond</summary>
    public const int Diamond = 548210003;
}
