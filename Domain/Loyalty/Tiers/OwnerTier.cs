namespace PropertyCrm.Domain.Loyalty.Tiers;

/// <summary>
/// Owner tiers (会员等级), lowest first. The numeric order is the ranking: one level is one step in this
/// order, which is what the "downgrade at most one level" rule counts.
/// </summary>
public enum OwnerTier
{
    /// <summary>普通 Standard.</summary>
    Standard = 0,

    /// <summary>银卡 Silver.</summary>
    Silver = 1,

    /// <summary>金卡 Gold.</summary>
    Gold = 2,

    /// <summary>钻石 Diamond.</summary>
    Diamond = 3,
}
