namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Tier history (等级变更记录): <c>pcrm_tierhistory</c>. One change of an owner's tier with its reason (TierChange); written by code.
/// </summary>
public static class TierHistoryTable
{
    public const string LogicalName = "pcrm_tierhistory";

    public const string EntitySetName = "pcrm_tierhistories";

    public const string PrimaryId = "pcrm_tierhistoryid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Name (名称). Text (200). Required. E.g. "Silver → Gold".</summary>
        public const string Name = "pcrm_name";

        /// <summary>Owner (业主). Lookup contact. Required. Owner whose tier changed; deleted with the owner (PIPL erasure).</summary>
        public const string Contact = "pcrm_contactid";

        /// <summary>From Tier (原等级). Choice <see cref="OptionSets.OwnerTier"/>. Tier before the change.</summary>
        public const string FromTier = "pcrm_fromtier";

        /// <summary>To Tier (新等级). Choice <see cref="OptionSets.OwnerTier"/>. Required. Tier after the change.</summary>
        public const string ToTier = "pcrm_totier";

        /// <summary>Changed On (变更时间). Date and time (user local). When the evaluation made the change.</summary>
        public const string ChangedOn = "pcrm_changedon";

        /// <summary>Trigger (触发方式). Choice <see cref="OptionSets.TierTrigger"/>. Event (upgrades only) or periodic review (may go down one level).</summary>
        public const string Trigger = "pcrm_trigger";

        /// <summary>Reason Code (原因代码). Text (100). Machine-readable reason code (TierReasonCodes).</summary>
        public const string ReasonCode = "pcrm_reasoncode";

        /// <summary>Reason (原因). Text (500). "中文 / English" reason quoting the qualification.</summary>
        public const string Reason = "pcrm_reason";

        /// <summary>System column. Owner (user or team).</summary>
        public const string OwnerId = "ownerid";

        public const string StateCode = "statecode";

        public const string StatusCode = "statuscode";

        public const string CreatedOn = "createdon";

        public const string ModifiedOn = "modifiedon";
    }

    /// <summary>Schema names of the N:1 relationships whose lookup lives on this table.</summary>
    public static class Relationships
    {
        /// <summary>Contact lookup to contact; parental: cascade delete (PIPL erasure) and assign/share.</summary>
        public const string Contact = "pcrm_tierhistory_contact";
    }

    /// <summary>MaxLength of the text columns code writes, named as in <see cref="Columns"/> and equal to Entity.xml (a test holds them);
    /// code cuts free text to them with ColumnText.Fit and refuses identities longer than them.</summary>
    public static class MaxLengths
    {
        public const int Name = 200;

        public const int ReasonCode = 100;

        public const int Reason = 500;
    }
}
