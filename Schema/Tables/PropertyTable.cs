namespace PropertyCrm.Schema.Tables;

/// <summary>Property (项目): <c>pcrm_property</c>. A managed property (estate/project): type, managed area, service centre and business calendar.</summary>
public static class PropertyTable
{
    public const string LogicalName = "pcrm_property";

    public const string EntitySetName = "pcrm_properties";

    public const string PrimaryId = "pcrm_propertyid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Property Name (项目名称). Text (100). Required.</summary>
        public const string Name = "pcrm_name";

        /// <summary>Property Type (项目类型). Choice <see cref="OptionSets.PropertyType"/>. Required.</summary>
        public const string Type = "pcrm_type";

        /// <summary>Managed Area (㎡) (在管面积(㎡)). Decimal, 2 places (0..100000000).</summary>
        public const string ManagedArea = "pcrm_managedarea";

        /// <summary>Service Centre Name (服务中心名称). Text (100).</summary>
        public const string ServiceCentreName = "pcrm_servicecentrename";

        /// <summary>Service Centre Phone (服务中心电话). Text (50).</summary>
        public const string ServiceCentrePhone = "pcrm_servicecentrephone";

        /// <summary>Address (地址). Text (250).</summary>
        public const string Address = "pcrm_address";

        /// <summary>Business Calendar (营业日历). Text (50).</summary>
        public const string BusinessCalendarCode = "pcrm_businesscalendarcode";

        /// <summary>Service supervisor (客服主管): escalation level 1. Lookup systemuser.</summary>
        public const string Supervisor = "pcrm_supervisorid";

        /// <summary>Property manager (项目经理): escalation level 2. Lookup systemuser.</summary>
        public const string PropertyManager = "pcrm_propertymanagerid";

        /// <summary>Quality department team (品质部): escalation level 3. Lookup team.</summary>
        public const string QualityTeam = "pcrm_qualityteamid";

        /// <summary>Service team (客服团队): owns the property's 回访 follow-ups. Lookup team.</summary>
        public const string ServiceTeam = "pcrm_serviceteamid";

        /// <summary>Follow-up due hours (回访时限(小时)): a 回访 is due this long after resolution; blank = 24. Whole number 1–168.</summary>
        public const string FollowUpDueHours = "pcrm_followupduehours";

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

    public static class Relationships
    {
        public const string Supervisor = "pcrm_property_supervisor";
        public const string PropertyManager = "pcrm_property_propertymanager";
        public const string QualityTeam = "pcrm_property_qualityteam";
        public const string ServiceTeam = "pcrm_property_serviceteam";
    }

    /// <summary>Alternate keys: the name identifies a row across environments (`pcrm data` addresses rows by it).</summary>
    public static class Keys
    {
        public const string Name = "pcrm_property_name";
    }
}
