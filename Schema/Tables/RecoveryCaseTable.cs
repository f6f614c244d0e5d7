namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Recovery case (挽回): <c>pcrm_recoverycase</c>. Opened by a detractor 回访 (NPS 0–6, satisfaction ≤ 2, or a
/// request not fixed for the second time) and owned by the property's 客服主管 supervisor, due 24 hours (24x7) later.
/// Closing it requires an outcome (已挽回 Recovered / 未挽回 Not recovered).
/// </summary>
public static class RecoveryCaseTable
{
    public const string LogicalName = "pcrm_recoverycase";

    public const string EntitySetName = "pcrm_recoverycases";

    public const string PrimaryId = "pcrm_recoverycaseid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Name (名称), e.g. "挽回 · request title". Text (200).</summary>
        public const string Name = "pcrm_name";

        /// <summary>Service request (报事报修). Lookup pcrm_servicerequest. Required.</summary>
        public const string ServiceRequest = "pcrm_servicerequestid";

        /// <summary>Follow-up (回访) that found the problem. Lookup pcrm_followup.</summary>
        public const string FollowUp = "pcrm_followupid";

        /// <summary>Owner (业主). Lookup contact.</summary>
        public const string Contact = "pcrm_contactid";

        /// <summary>Property (项目). Lookup pcrm_property.</summary>
        public const string Property = "pcrm_propertyid";

        /// <summary>Reason (挽回原因). Choice <see cref="OptionSets.RecoveryReason"/>.</summary>
        public const string Reason = "pcrm_reason";

        /// <summary>Due on (截止时间, UTC): 24 hours (24x7) after opening.</summary>
        public const string DueOn = "pcrm_dueon";

        /// <summary>Escalation level (升级级别). Choice <see cref="OptionSets.EscalationLevel"/>: the highest rung the SLA sweep raised
        /// for the overdue case (Level 2 property manager, Level 3 quality department); code-owned.</summary>
        public const string EscalationLevel = "pcrm_escalationlevel";

        /// <summary>Next escalation on (下次升级时间, UTC): the SLA sweep's index — the due time when the case opens, then the next rung's
        /// instant, blank once every rung is raised; code-owned.</summary>
        public const string NextEscalationOn = "pcrm_nextescalationon";

        /// <summary>Outcome (挽回结果). Choice <see cref="OptionSets.RecoveryOutcome"/>; required to close.</summary>
        public const string Outcome = "pcrm_outcome";

        /// <summary>Outcome notes (挽回记录). Multiline text (2000).</summary>
        public const string OutcomeNotes = "pcrm_outcomenotes";

        /// <summary>Closed on (关闭时间).</summary>
        public const string ClosedOn = "pcrm_closedon";

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
        /// <summary>处理中 Open (active).</summary>
        public const int Open = 1;

        /// <summary>已关闭 Closed (inactive).</summary>
        public const int Closed = 2;
    }

    public static class Relationships
    {
        public const string ServiceRequest = "pcrm_recoverycase_servicerequest";
        public const string FollowUp = "pcrm_recoverycase_followup";
        public const string Contact = "pcrm_recoverycase_contact";
        public const string Property = "pcrm_recoverycase_property";
    }

    /// <summary>MaxLength of the text columns code writes, named as in <see cref="Columns"/> and equal to Entity.xml (a test holds them).</summary>
    public static class MaxLengths
    {
        public const int Name = 200;
    }
}
