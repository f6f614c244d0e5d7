namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Points ledger entry (积分流水): <c>pcrm_pointsentry</c>. One line of an owner's append-only ledger; entries are never edited or deleted (code enforces it; only admins hold write/delete).
/// </summary>
public static class PointsEntryTable
{
    public const string LogicalName = "pcrm_pointsentry";

    public const string EntitySetName = "pcrm_pointsentries";

    public const string PrimaryId = "pcrm_pointsentryid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Name (名称). Text (200). Required. Line shown in the points history, e.g. "On-time fee payment +36".</summary>
        public const string Name = "pcrm_name";

        /// <summary>Owner (业主). Lookup contact. Required. Owner whose ledger this is; deleted with the owner (PIPL erasure).</summary>
        public const string Contact = "pcrm_contactid";

        /// <summary>Kind (类型). Choice <see cref="OptionSets.LedgerEntryKind"/>. Required. Earn, redeem, expire or reversal.</summary>
        public const string Kind = "pcrm_kind";

        /// <summary>Points (积分变动). Whole number, signed. Required. Signed change to the balance: positive for earn, negative for redeem and expire.</summary>
        public const string Points = "pcrm_points";

        /// <summary>Occurred On (发生时间). Date and time (user local). Required. When it took effect: the event time for an award, the lot's expiry instant for an expiry.</summary>
        public const string OccurredOn = "pcrm_occurredon";

        /// <summary>Sequence (序号). Whole number (1 to 2147483647). Append order within the owner's ledger, strictly increasing; set by code.</summary>
        public const string Sequence = "pcrm_sequence";

        /// <summary>Earn Rule (积分规则). Choice <see cref="OptionSets.EarnRule"/>. Earn only: the rule that awarded it.</summary>
        public const string Rule = "pcrm_rule";

        /// <summary>Source Id (来源记录). Text (100). Earn: the source record id. Redeem: the redemption record id.</summary>
        public const string SourceId = "pcrm_sourceid";

        /// <summary>Idempotency Key (幂等键). Text (200). Required. Key derived from the cause, unique within the owner's ledger; stops double posting.</summary>
        public const string IdempotencyKey = "pcrm_idempotencykey";

        /// <summary>Expires On (到期日). Date only. Earn only: last China date the lot can be used.</summary>
        public const string ExpiresOn = "pcrm_expireson";

        /// <summary>Lot Key (批次键). Text (200). Expire only: key of the earn entry whose lot expired.</summary>
        public const string LotKey = "pcrm_lotkey";

        /// <summary>Reverses Key (冲正对象键). Text (200). Reversal only: key of the entry it undoes.</summary>
        public const string ReversesKey = "pcrm_reverseskey";

        /// <summary>Reward (兑换商品). Lookup pcrm_reward. Redeem only: the reward taken.</summary>
        public const string Reward = "pcrm_rewardid";

        /// <summary>Quantity (数量). Whole number (1 to 1000). Redeem only: how many were taken.</summary>
        public const string Quantity = "pcrm_quantity";

        /// <summary>Description (说明). Text (500). "中文 / English" line for the owner's points history.</summary>
        public const string Description = "pcrm_description";

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
        public const string Contact = "pcrm_pointsentry_contact";

        /// <summary>Reward lookup to pcrm_reward; delete restricted.</summary>
        public const string Reward = "pcrm_pointsentry_reward";
    }

    public static class Keys
    {
        /// <summary>Idempotency Key per Owner (业主内幂等键): pcrm_contactid + pcrm_idempotencykey.</summary>
        public const string IdempotencyKey = "pcrm_pointsentry_idempotencykey";
    }

    /// <summary>MaxLength of the text columns code writes, named as in <see cref="Columns"/> and equal to Entity.xml (a test holds them);
    /// code cuts free text to them with ColumnText.Fit and refuses identities longer than them.</summary>
    public static class MaxLengths
    {
        public const int Name = 200;

        public const int SourceId = 100;

        public const int IdempotencyKey = 200;

        public const int LotKey = 200;

        public const int ReversesKey = 200;

        public const int Description = 500;
    }
}
