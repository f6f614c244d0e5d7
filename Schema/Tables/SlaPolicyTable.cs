namespace PropertyCrm.Schema.Tables;

/// <summary>
/// SLA policy (SLA 策略): <c>pcrm_slapolicy</c>. An admin's override of the built-in defaults for requests
/// matching type × service line × urgency × owner tier (each blank = any), for all properties or one.
/// A row replaces the default with the same criteria; a property's row replaces the company-wide one.
/// </summary>
public static class SlaPolicyTable
{
    public const string LogicalName = "pcrm_slapolicy";

    public const string EntitySetName = "pcrm_slapolicies";

    public const string PrimaryId = "pcrm_slapolicyid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Name (名称). Text (100). Required.</summary>
        public const string Name = "pcrm_name";

        /// <summary>Property (项目): blank = every property. Lookup pcrm_property.</summary>
        public const string Property = "pcrm_propertyid";

        /// <summary>Request type (类型): blank = any. Choice <see cref="OptionSets.RequestType"/>.</summary>
        public const string RequestType = "pcrm_requesttype";

        /// <summary>Service line (服务条线): blank = any. Choice <see cref="OptionSets.ServiceLine"/>.</summary>
        public const string ServiceLine = "pcrm_serviceline";

        /// <summary>Urgency (紧急程度): blank = any. Choice <see cref="OptionSets.Urgency"/>.</summary>
        public const string Urgency = "pcrm_urgency";

        /// <summary>Owner tier (业主等级) code: blank = any. Text (50).</summary>
        public const string OwnerTier = "pcrm_ownertier";

        /// <summary>First response target (首次响应时限, working minutes): blank = not defined here.</summary>
        public const string FirstResponseMinutes = "pcrm_firstresponseminutes";

        /// <summary>First response calendar (首次响应日历): calendar name, e.g. 24x7 or cn-workdays. Text (50).</summary>
        public const string FirstResponseCalendar = "pcrm_firstresponsecalendar";

        /// <summary>Resolution target (解决时限, working minutes): blank = not defined here.</summary>
        public const string ResolutionMinutes = "pcrm_resolutionminutes";

        /// <summary>Resolution calendar (解决日历). Text (50).</summary>
        public const string ResolutionCalendar = "pcrm_resolutioncalendar";

        /// <summary>On-site / initial handling target (到场时限, working minutes): blank = not defined here.</summary>
        public const string OnSiteMinutes = "pcrm_onsiteminutes";

        /// <summary>On-site / initial handling calendar (到场日历). Text (50).</summary>
        public const string OnSiteCalendar = "pcrm_onsitecalendar";

        /// <summary>Warning at (预警比例, % of the target, 1–99). Whole number; blank = 75.</summary>
        public const string WarningPercent = "pcrm_warningpercent";

        /// <summary>Property manager after (升级项目经理, working minutes after breach). Blank = half the target.</summary>
        public const string Level2AfterMinutes = "pcrm_level2afterminutes";

        /// <summary>Quality department after (升级品质部, working minutes after breach). Blank = the whole target.</summary>
        public const string Level3AfterMinutes = "pcrm_level3afterminutes";

        public const string StateCode = "statecode";

        public const string StatusCode = "statuscode";

        public const string ModifiedOn = "modifiedon";
    }

    public static class Relationships
    {
        public const string Property = "pcrm_slapolicy_property";
    }

    /// <summary>Alternate keys: the name identifies a row across environments (`pcrm data` addresses rows by it).</summary>
    public static class Keys
    {
        public const string Name = "pcrm_slapolicy_name";
    }
}
