namespace PropertyCrm.Schema.Tables;

/// <summary>Community event (社区活动): <c>pcrm_communityevent</c>. A property's event: type, start, capacity.</summary>
public static class CommunityEventTable
{
    public const string LogicalName = "pcrm_communityevent";

    public const string EntitySetName = "pcrm_communityevents";

    public const string PrimaryId = "pcrm_communityeventid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Event Name (活动名称). Text (200). Required.</summary>
        public const string Name = "pcrm_name";

        /// <summary>Property (所属项目). Lookup pcrm_property. Required: participation rates are per property.</summary>
        public const string Property = "pcrm_propertyid";

        /// <summary>Event Type (活动类型). Local choice <see cref="OptionSets.CommunityEventType"/>. Required.</summary>
        public const string EventType = "pcrm_eventtype";

        /// <summary>Starts On (开始时间). Date and time. Required.</summary>
        public const string StartsOn = "pcrm_startson";

        /// <summary>Capacity (名额). Whole number 1..100000; blank = no limit.</summary>
        public const string Capacity = "pcrm_capacity";

        /// <summary>Description (活动说明). Multiline text (2000).</summary>
        public const string Description = "pcrm_description";

        public const string OwnerId = "ownerid";

        public const string StateCode = "statecode";

        public const string StatusCode = "statuscode";
    }

    /// <summary>Schema names of the N:1 relationships whose lookup lives on this table.</summary>
    public static class Relationships
    {
        /// <summary>Property lookup to pcrm_property; a property with events cannot be deleted.</summary>
        public const string Property = "pcrm_communityevent_property";
    }
}
