namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Redemption (兑换记录): <c>pcrm_redemption</c>. An owner's request to spend points on a reward; code posts the Redeem ledger entry and links it.
/// </summary>
public static class RedemptionTable
{
    public const string LogicalName = "pcrm_redemption";

    public const string EntitySetName = "pcrm_redemptions";

    public const string PrimaryId = "pcrm_redemptionid";

    public const string PrimaryName = "pcrm_name";

    /// <summary>Columns only PropertyCrm's code writes; forms show them read-only.</summary>
    public static readonly string[] SystemMaintainedColumns =
    {
        Columns.Points,
        Columns.RedeemedOn,
        Columns.LedgerEntry,
    };

    public static class Columns
    {
        /// <summary>Name (名称). Text (200). Required. E.g. "Fee voucher ¥20 × 1".</summary>
        public const string Name = "pcrm_name";

        /// <summary>Owner (业主). Lookup contact. Required. Owner who redeems; deleted with the owner (PIPL erasure).</summary>
        public const string Contact = "pcrm_contactid";

        /// <summary>Reward (兑换商品). Lookup pcrm_reward. Required. Reward taken.</summary>
        public const string Reward = "pcrm_rewardid";

        /// <summary>Quantity (数量). Whole number (1 to 1000). How many, at least 1; empty is treated as 1.</summary>
        public const string Quantity = "pcrm_quantity";

        /// <summary>Points (扣减积分). Whole number (0 to 2147483647). Points taken (cost × quantity, positive); set by code.</summary>
        public const string Points = "pcrm_points";

        /// <summary>Redeemed On (兑换时间). Date and time (user local). When the points were taken; set by code.</summary>
        public const string RedeemedOn = "pcrm_redeemedon";

        /// <summary>Ledger Entry (积分流水). Lookup pcrm_pointsentry. The Redeem ledger entry of this redemption; set by code.</summary>
        public const string LedgerEntry = "pcrm_ledgerentryid";

        /// <summary>System column. Owner (user or team).</summary>
        public const string OwnerId = "ownerid";

        public const string StateCode = "statecode";

        public const string StatusCode = "statuscode";

        public const string CreatedOn = "createdon";

        public const string ModifiedOn = "modifiedon";
    }

    public static class States
    {
        public const int Active = 0;

        public const int Inactive = 1;
    }

    /// <summary>Status reason (statuscode) values. 1 and 2 are the platform's defaults, relabelled.</summary>
    public static class StatusReasons
    {
        /// <summary>已申请 Requested (active: points taken, awaiting hand-over).</summary>
        public const int Requested = 1;

        /// <summary>已兑现 Fulfilled (active: handed over to the owner).</summary>
        public const int Fulfilled = 548210000;

        /// <summary>已取消 Cancelled (inactive: cancelled; code posts a reversal).</summary>
        public const int Cancelled = 2;
    }

    /// <summary>Schema names of the N:1 relationships whose lookup lives on this table.</summary>
    public static class Relationships
    {
        /// <summary>Contact lookup to contact; parental: cascade delete (PIPL erasure) and assign/share.</summary>
        public const string Contact = "pcrm_redemption_contact";

        /// <summary>Reward lookup to pcrm_reward; delete restricted.</summary>
        public const string Reward = "pcrm_redemption_reward";

        /// <summary>LedgerEntry lookup to pcrm_pointsentry; delete removes the link.</summary>
        public const string LedgerEntry = "pcrm_redemption_ledgerentry";
    }

    /// <summary>MaxLength of the text columns code writes, named as in <see cref="Columns"/> and equal to Entity.xml (a test holds them);
    /// code cuts free text to them with ColumnText.Fit and refuses identities longer than them.</summary>
    public static class MaxLengths
    {
        public const int Name = 200;
    }
}
