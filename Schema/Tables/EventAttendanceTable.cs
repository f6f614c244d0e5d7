namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Event attendance (活动报名): <c>pcrm_eventattendance</c>. One per owner and event (alternate key): 报名 → 签到 (or
/// cancelled); check-in awards the CommunityEventAttended points once.
/// </summary>
public static class EventAttendanceTable
{
    public const string LogicalName = "pcrm_eventattendance";

    public const string EntitySetName = "pcrm_eventattendances";

    public const string PrimaryId = "pcrm_eventattendanceid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Name (名称). Text (200). Required.</summary>
        public const string Name = "pcrm_name";

        /// <summary>Community Event (社区活动). Lookup pcrm_communityevent. Required; deleted with the event.</summary>
        public const string Event = "pcrm_eventid";

        /// <summary>Owner (业主). Lookup contact. Required; deleted with the owner (PIPL erasure).</summary>
        public const string Contact = "pcrm_contactid";

        /// <summary>Attendance Status (报名状态). Local choice <see cref="OptionSets.AttendanceStatus"/>. Required.</summary>
        public const string Status = "pcrm_attendancestatus";

        /// <summary>Checked In On (签到时间). Date and time; stamped by the system.</summary>
        public const string CheckedInOn = "pcrm_checkedinon";

        public const string OwnerId = "ownerid";

        public const string StateCode = "statecode";

        public const string StatusCode = "statuscode";
    }

    /// <summary>Schema names of the N:1 relationships whose lookup lives on this table.</summary>
    public static class Relationships
    {
        /// <summary>Event lookup; deleted with the event.</summary>
        public const string Event = "pcrm_eventattendance_event";

        /// <summary>Contact lookup; parental: deleted with the owner (PIPL erasure).</summary>
        public const string Contact = "pcrm_eventattendance_contact";
    }

    /// <summary>Alternate keys.</summary>
    public static class Keys
    {
        /// <summary>One registration per owner and event.</summary>
        public const string EventContact = "pcrm_eventattendance_eventcontact";
    }
}
