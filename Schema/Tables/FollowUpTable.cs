namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Follow-up (回访): <c>pcrm_followup</c>. The call after a service request is resolved: was the problem really
/// fixed (verification first), then satisfaction, NPS and the optional SERVQUAL scores. One row per resolution,
/// created when the request turns 已解决 and owned by the property's 客服 team, never by whoever resolved it.
/// Pending (active) until answered (已完成 Completed) or declared 无法联系 Unreachable after 3 failed attempts over 48 hours.
/// </summary>
public static class FollowUpTable
{
    public const string LogicalName = "pcrm_followup";

    public const string EntitySetName = "pcrm_followups";

    public const string PrimaryId = "pcrm_followupid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Name (名称), e.g. "回访 · request title". Text (200).</summary>
        public const string Name = "pcrm_name";

        /// <summary>Service request (报事报修). Lookup pcrm_servicerequest. Required.</summary>
        public const string ServiceRequest = "pcrm_servicerequestid";

        /// <summary>Owner called (业主). Lookup contact.</summary>
        public const string Contact = "pcrm_contactid";

        /// <summary>Property (项目). Lookup pcrm_property.</summary>
        public const string Property = "pcrm_propertyid";

        /// <summary>Resolved by (解决人). Lookup systemuser: the 回访 must be made by someone else.</summary>
        public const string ResolvedBy = "pcrm_resolvedbyid";

        /// <summary>Resolution number (解决序号): 1 for the request's first resolution, 2 after one reopen…; with the request, the alternate key. Required.</summary>
        public const string ResolutionNumber = "pcrm_resolutionnumber";

        /// <summary>Due on (回访截止时间, UTC): 24 hours after resolution by default.</summary>
        public const string DueOn = "pcrm_dueon";

        /// <summary>Verification (问题是否解决). Choice <see cref="OptionSets.FixVerification"/>.</summary>
        public const string Verification = "pcrm_verification";

        /// <summary>Satisfaction (满意度). Choice <see cref="OptionSets.Satisfaction"/>.</summary>
        public const string Satisfaction = "pcrm_satisfaction";

        /// <summary>NPS (推荐意愿), whole number 0–10.</summary>
        public const string Nps = "pcrm_nps";

        /// <summary>SERVQUAL reliability (可靠性), 1–5, optional.</summary>
        public const string SqReliability = "pcrm_sqreliability";

        /// <summary>SERVQUAL responsiveness (响应性), 1–5, optional.</summary>
        public const string SqResponsiveness = "pcrm_sqresponsiveness";

        /// <summary>SERVQUAL assurance (保证性), 1–5, optional.</summary>
        public const string SqAssurance = "pcrm_sqassurance";

        /// <summary>SERVQUAL empathy (移情性), 1–5, optional.</summary>
        public const string SqEmpathy = "pcrm_sqempathy";

        /// <summary>SERVQUAL tangibles (有形性), 1–5, optional.</summary>
        public const string SqTangibles = "pcrm_sqtangibles";

        /// <summary>Comment (业主意见). Multiline text (2000).</summary>
        public const string Comment = "pcrm_comment";

        /// <summary>Channel (回访方式). Choice <see cref="OptionSets.FollowUpChannel"/>.</summary>
        public const string Channel = "pcrm_channel";

        /// <summary>Attempts (联系次数): failed attempts to reach the owner. Whole number.</summary>
        public const string Attempts = "pcrm_attempts";

        /// <summary>First attempt on (首次尝试时间).</summary>
        public const string FirstAttemptOn = "pcrm_firstattempton";

        /// <summary>Last attempt on (最近尝试时间).</summary>
        public const string LastAttemptOn = "pcrm_lastattempton";

        /// <summary>Completed on (完成时间): answers recorded, or declared unreachable.</summary>
        public const string CompletedOn = "pcrm_completedon";

        /// <summary>Detractor (贬损者). Yes/No: NPS 0–6, satisfaction ≤ 2, or not fixed the second time.</summary>
        public const string IsDetractor = "pcrm_isdetractor";

        /// <summary>Locked on (锁定时间): when a save last took the 回访's row lock before its rules ran (system-maintained). Date and time.</summary>
        public const string LockedOn = "pcrm_lockedon";

        public const string OwnerId = "ownerid";

        public const string StateCode = "statecode";

        public const string StatusCode = "statuscode";

        public const string CreatedOn = "createdon";
    }

    /// <summary>Status (statecode) values.</summary>
    public static class States
    {
        public const int Active = 0;
        public const int Inactive = 1;
    }

    /// <summary>Status reason (statuscode) values.</summary>
    public static class StatusReasons
    {
        /// <summary>待回访 Pending (active).</summary>
        public const int Pending = 1;

        /// <summary>已完成 Completed (inactive): answers recorded.</summary>
        public const int Completed = 2;

        /// <summary>无法联系 Unreachable (inactive): 3 failed attempts over at least 48 hours.</summary>
        public const int Unreachable = 548210000;
    }

    public static class Relationships
    {
        public const string ServiceRequest = "pcrm_followup_servicerequest";
        public const string Contact = "pcrm_followup_contact";
        public const string Property = "pcrm_followup_property";
        public const string ResolvedBy = "pcrm_followup_resolvedby";
    }

    public static class Keys
    {
        /// <summary>Request × resolution number: one 回访 per resolution.</summary>
        public const string RequestResolution = "pcrm_followup_requestresolution";
    }

    /// <summary>MaxLength of the text columns code writes, named as in <see cref="Columns"/> and equal to Entity.xml (a test holds them);
    /// code cuts free text to them with ColumnText.Fit and refuses identities longer than them.</summary>
    public static class MaxLengths
    {
        public const int Name = 200;

        public const int Comment = 2000;
    }
}
