namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Household member (家庭成员): <c>pcrm_householdmember</c>. A person of an owner's household: relationship, age band,
/// living here; a minor's birth date, field-secured. Deleted with its household (and so with the owner). Read by the care
/// planner's tag rules (有婴幼儿, 老人家庭).
/// </summary>
public static class HouseholdMemberTable
{
    public const string LogicalName = "pcrm_householdmember";

    public const string EntitySetName = "pcrm_householdmembers";

    public const string PrimaryId = "pcrm_householdmemberid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Name (姓名). Text (200). Required.</summary>
        public const string Name = "pcrm_name";

        /// <summary>Household (家庭档案). Lookup pcrm_household. Required; parental: deleted with the household.</summary>
        public const string Household = "pcrm_householdid";

        /// <summary>Relationship (与业主关系). Local choice <see cref="OptionSets.HouseholdRelationship"/>. Required.</summary>
        public const string Relationship = "pcrm_relationship";

        /// <summary>Age Band (年龄段). Local choice <see cref="OptionSets.AgeBand"/>. Required.</summary>
        public const string AgeBand = "pcrm_ageband";

        /// <summary>Living Here (同住). Yes/no, default yes.</summary>
        public const string LivesHere = "pcrm_liveshere";

        /// <summary>Birth Date (Minor) (出生日期). Date only. Field-secured (a minor's data); needs the owner's sensitive-data consent.</summary>
        public const string BirthDate = "pcrm_birthdate";

        /// <summary>Owner (user or team).</summary>
        public const string OwnerId = "ownerid";

        public const string StateCode = "statecode";

        public const string StatusCode = "statuscode";
    }

    /// <summary>Schema names of the N:1 relationships whose lookup lives on this table.</summary>
    public static class Relationships
    {
        /// <summary>Household lookup to pcrm_household; parental: deleted with the household (PIPL erasure through the owner).</summary>
        public const string Household = "pcrm_householdmember_household";
    }
}
