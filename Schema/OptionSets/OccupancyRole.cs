namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Occupancy Role (住户身份). How a contact relates to a unit.</summary>
public static class OccupancyRole
{
    public const string Name = "pcrm_occupancyrole";

    /// <summary>业主 / Owner</summary>
    public const int Owner = 548210000;

    /// <summary>共有人 / Co-owner</summary>
    public const int CoOwner = 548210001;

    /// <summary>租户 / Tenant</summary>
    public const int Tenant = 548210002;

    /// <summary>家属 / Family Member</summary>
    public const int FamilyMember = 548210003;
}
