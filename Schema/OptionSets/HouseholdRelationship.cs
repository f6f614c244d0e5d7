namespace PropertyCrm.Schema.OptionSets;

/// <summary>Local choice Relationship (与业主关系) of pcrm_householdmember.</summary>
public static class HouseholdRelationship
{
    public const string Name = "pcrm_householdmember_pcrm_relationship";

    /// <summary>配偶 / Spouse</summary>
    public const int Spouse = 548210000;

    /// <summary>子女 / Child</summary>
    public const int Child = 548210001;

    /// <summary>父母 / Parent</summary>
    public const int Parent = 548210002;

    /// <summary>租户 / Tenant</summary>
    public const int Tenant = 548210003;

    /// <summary>其他 / Other</summary>
    public const int Other = 548210004;
}
