namespace PropertyCrm.Schema.Tables;

/// <summary>Occupancy (住户关系): <c>pcrm_occupancy</c>. Links a contact to a unit as owner, co-owner, tenant or family member, with start and end dates.</summary>
public static class OccupancyTable
{
    public const string LogicalName = "pcrm_occupancy";

    public const string EntitySetName = "pcrm_occupancies";

    public const string PrimaryId = "pcrm_occupancyid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Name (名称). Text (200).</summary>
        public const string Name = "pcrm_name";

        /// <summary>Contact (业主/住户). Lookup to contact. Required.</summary>
        public const string Contact = "pcrm_contactid";

        /// <summary>Unit (房屋). Lookup to pcrm_unit. Required.</summary>
        public const string Unit = "pcrm_unitid";

        /// <summary>Role (身份). Choice <see cref="OptionSets.OccupancyRole"/>. Required.</summary>
        public const string Role = "pcrm_role";

        /// <summary>Start Date (开始日期). Date only.</summary>
        public const string StartDate = "pcrm_startdate";

        /// <summary>End Date (结束日期). Date only.</summary>
        public const string EndDate = "pcrm_enddate";

        /// <summary>Primary Contact for Unit (房屋主要联系人). Yes/no.</summary>
        public const string IsPrimaryContact = "pcrm_isprimarycontact";

        /// <summary>Owner (user or team).</summary>
        public const string OwnerId = "ownerid";

        /// <summary>Status: 0 active, 1 inactive.</summary>
        public const string StateCode = "statecode";

        /// <summary>Status reason: 1 active, 2 inactive.</summary>
        public const string StatusCode = "statuscode";

        /// <summary>When the row was created.</summary>
        public const string CreatedOn = "createdon";

        /// <summary>When the row was last modified.</summary>
        public const string ModifiedOn = "modifiedon";
    }

    /// <summary>Schema names of the N:1 relationships whose lookup lives on this table.</summary>
    public static class Relationships
    {
        /// <summary>Unit lookup to pcrm_unit. Occupancies of a unit; a unit with occupancy history cannot be deleted.</summary>
        public const string Unit = "pcrm_occupancy_unit";

        /// <summary>Contact lookup to contact. Occupancies of a contact; deleted with the contact (PIPL erasure).</summary>
        public const string Contact = "pcrm_occupancy_contact";
    }

    /// <summary>Alternate keys.</summary>
    public static class Keys
    {
        /// <summary>One occupancy per resident and unit (`pcrm data` addresses occupancies by it).</summary>
        public const string ContactUnit = "pcrm_occupancy_contactunit";
    }
}
