namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Retention case (挽留案例): <c>pcrm_retentioncase</c>. Opened by the care planner for the owner's butler when the owner is
/// at churn risk, one per churn-risk episode (alternate key owner + risk start); closing it requires an outcome
/// (已挽留 Retained / 已流失 Left).
/// </summary>
public static class RetentionCaseTable
{
    public const string LogicalName = "pcrm_retentioncase";

    public const string EntitySetName = "pcrm_retentioncases";

    public const string PrimaryId = "pcrm_retentioncaseid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Name (名称). Text (200). Required.</summary>
        public const string Name = "pcrm_name";

        /// <summary>Owner (业主). Lookup contact. Required; deleted with the owner (PIPL erasure).</summary>
        public const string Contact = "pcrm_contactid";

        /// <summary>Property (项目). Lookup pcrm_property: the owner's current occupancy's property (挽留率 per property).</summary>
        public const string Property = "pcrm_propertyid";

        /// <summary>Churn Risk Since (流失风险起始日). Date only. Required: the episode.</summary>
        public const string RiskSince = "pcrm_risksince";

        /// <summary>Retention Key (挽留键). Text (100). Required; alternate key "owner id|yyyyMMdd".</summary>
        public const string Key = "pcrm_key";

        /// <summary>Contact Due On (沟通截止时间, UTC).</summary>
        public const string DueOn = "pcrm_dueon";

        /// <summary>Contacted On (一对一沟通时间).</summary>
        public const string ContactedOn = "pcrm_contactedon";

        /// <summary>Retention Plan (挽留计划). Multiline text (2000).</summary>
        public const string Plan = "pcrm_plan";

        /// <summary>Outcome (挽留结果). Choice <see cref="OptionSets.RetentionOutcome"/>; required to close.</summary>
        public const string Outcome = "pcrm_outcome";

        /// <summary>Outcome Notes (结果说明). Multiline text (2000).</summary>
        public const string OutcomeNotes = "pcrm_outcomenotes";

        /// <summary>Closed On (关闭时间).</summary>
        public const string ClosedOn = "pcrm_closedon";

        public const string OwnerId = "ownerid";

        public const string StateCode = "statecode";

        public const string StatusCode = "statuscode";

        public const string CreatedOn = "createdon";
    }

    public static class States
    {
        public const int Active = 0;
        public const int Inactive = 1;
    }

    public static class StatusReasons
    {
        /// <summary>处理中 Open (active).</summary>
        public const int Open = 1;

        /// <summary>已关闭 Closed (inactive).</summary>
        public const int Closed = 2;
    }

    public static class Keys
    {
        public const string Key = "pcrm_retentioncase_key";
    }

    public static class Relationships
    {
        public const string Contact = "pcrm_retentioncase_contact";
        public const string Property = "pcrm_retentioncase_property";
    }

    /// <summary>MaxLength of the text columns code writes (equal to Entity.xml).</summary>
    public static class MaxLengths
    {
        public const int Name = 200;

        public const int Key = 100;
    }
}
