namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Escalation (升级记录): <c>pcrm_escalation</c>. One rung raised for one KPI of one request, with who was
/// notified and when. At most one row per request × KPI × level (alternate key), which is what makes the
/// sweep idempotent. Power Automate flows trigger on new rows to message the recipient.
/// </summary>
public static class EscalationTable
{
    public const string LogicalName = "pcrm_escalation";

    public const string EntitySetName = "pcrm_escalations";

    public const string PrimaryId = "pcrm_escalationid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Name (名称), e.g. "Resolution · Level 1 · SR title". Text (200).</summary>
        public const string Name = "pcrm_name";

        /// <summary>Service request (报事报修). Lookup pcrm_servicerequest; blank on a recovery case's rows.</summary>
        public const string ServiceRequest = "pcrm_servicerequestid";

        /// <summary>Recovery case (挽回). Lookup pcrm_recoverycase: the overdue case a row escalates; blank on a request's rows.</summary>
        public const string RecoveryCase = "pcrm_recoverycaseid";

        /// <summary>KPI (指标). Choice <see cref="OptionSets.SlaKpi"/> (<see cref="OptionSets.SlaKpi.Recovery"/> on a recovery case's rows). Required.</summary>
        public const string Kpi = "pcrm_kpi";

        /// <summary>Level (级别). Choice <see cref="OptionSets.EscalationLevel"/>. Required.</summary>
        public const string Level = "pcrm_level";

        /// <summary>Recipient role (通知对象). Choice <see cref="OptionSets.EscalationRecipient"/>.</summary>
        public const string Recipient = "pcrm_recipient";

        /// <summary>Notified user (通知人员). Lookup systemuser.</summary>
        public const string NotifiedUser = "pcrm_notifieduserid";

        /// <summary>Notified team (通知团队). Lookup team.</summary>
        public const string NotifiedTeam = "pcrm_notifiedteamid";

        /// <summary>Due since (应升级时间): when the rung was reached.</summary>
        public const string DueSince = "pcrm_duesince";

        /// <summary>Raised on (升级时间): when the sweep recorded it.</summary>
        public const string RaisedOn = "pcrm_raisedon";

        public const string OwnerId = "ownerid";

        public const string StateCode = "statecode";

        public const string StatusCode = "statuscode";

        public const string CreatedOn = "createdon";
    }

    public static class Relationships
    {
        public const string ServiceRequest = "pcrm_escalation_servicerequest";
        public const string RecoveryCase = "pcrm_escalation_recoverycase";
        public const string NotifiedUser = "pcrm_escalation_notifieduser";
        public const string NotifiedTeam = "pcrm_escalation_notifiedteam";
    }

    public static class Keys
    {
        /// <summary>Request × KPI × level: one row per rung.</summary>
        public const string RequestKpiLevel = "pcrm_escalation_requestkpilevel";

        /// <summary>Recovery case × level: one row per rung of an overdue recovery case (the request key does not apply: no request).</summary>
        public const string RecoveryCaseLevel = "pcrm_escalation_recoverycaselevel";
    }

    /// <summary>MaxLength of the text columns code writes, named as in <see cref="Columns"/> and equal to Entity.xml (a test holds them);
    /// code cuts free text to them with ColumnText.Fit and refuses identities longer than them.</summary>
    public static class MaxLengths
    {
        public const int Name = 200;
    }
}
