namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Household (家庭档案): <c>pcrm_household</c>. One row per owner (alternate key on the contact): birth date, living
/// alone, newborn; read by the care planner. The newborn's birth date is a minor's data, field-secured.
/// </summary>
public static class HouseholdTable
{
    public const string LogicalName = "pcrm_household";

    public const string EntitySetName = "pcrm_households";

    public const string PrimaryId = "pcrm_householdid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Name (名称). Text (200). Required.</summary>
        public const string Name = "pcrm_name";

        /// <summary>Owner (业主). Lookup contact. Required; alternate key; deleted with the owner (PIPL erasure).</summary>
        public const string Contact = "pcrm_contactid";

        /// <summary>Owner Birth Date (业主出生日期). Date only. Blank: the contact's birthdate.</summary>
        public const string BirthDate = "pcrm_birthdate";

        /// <summary>Elderly Living Alone (独居老人). Yes/no.</summary>
        public const string LivesAlone = "pcrm_livesalone";

        /// <summary>Check-in Interval (问候间隔, days). Whole number 1..90; blank = 7.</summary>
        public const string CheckInIntervalDays = "pcrm_checkinintervaldays";

        /// <summary>Newborn Born On (婴儿出生日期). Date only. Field-secured (a minor's data).</summary>
        public const string NewbornOn = "pcrm_newbornon";

        /// <summary>Household Size (家庭人数). Whole number 1..20.</summary>
        public const string HouseholdSize = "pcrm_householdsize";

        /// <summary>Owner (user or team).</summary>
        public const string OwnerId = "ownerid";

        public const string StateCode = "statecode";

        public const string StatusCode = "statuscode";
    }

    /// <summary>Schema names of the N:1 relationships whose lookup lives on this table.</summary>
    public static class Relationships
    {
        /// <summary>Contact lookup to contact; parental: deleted with the owner (PIPL erasure).</summary>
        public const string Contact = "pcrm_household_contact";
    }

    /// <summary>Alternate keys.</summary>
    public static class Keys
    {
        /// <summary>One household per owner.</summary>
        public const string Contact = "pcrm_household_contact";
    }
}
