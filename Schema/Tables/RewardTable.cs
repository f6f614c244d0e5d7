namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Reward (兑换商品): <c>pcrm_reward</c>. One item of the rewards catalogue; deactivate (statecode) to withdraw it while keeping history.
/// </summary>
public static class RewardTable
{
    public const string LogicalName = "pcrm_reward";

    public const string EntitySetName = "pcrm_rewards";

    public const string PrimaryId = "pcrm_rewardid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Name (名称). Text (200). Required. Name staff and owners see, "中文 / English".</summary>
        public const string Name = "pcrm_name";

        /// <summary>Code (商品编码). Text (50). Required. Stable catalogue code, e.g. FEE-VOUCHER-20.</summary>
        public const string Code = "pcrm_code";

        /// <summary>Kind (类型). Choice <see cref="OptionSets.RewardKind"/>. Required. What it is.</summary>
        public const string Kind = "pcrm_kind";

        /// <summary>Points Cost (所需积分). Whole number (1 to 2147483647). Required. Points per item, at least 1.</summary>
        public const string PointsCost = "pcrm_pointscost";

        /// <summary>Stock (库存). Whole number (0 to 2147483647). Items left; empty means unlimited (e.g. fee vouchers).</summary>
        public const string Stock = "pcrm_stock";

        /// <summary>Stock Locked On (库存锁定时间). Date and time. Written by every redemption or cancellation of a limited
        /// reward before it reads the stock: the write that takes the row lock (never an update that sets nothing).</summary>
        public const string LockedOn = "pcrm_lockedon";

        /// <summary>Face Value (面值). Currency (CNY). Face value in CNY for vouchers and coupons; informational.</summary>
        public const string FaceValue = "pcrm_facevalue";

        /// <summary>Minimum Tier (最低等级). Choice <see cref="OptionSets.OwnerTier"/>. Lowest tier allowed to redeem it (exclusive benefits); empty means Standard.</summary>
        public const string MinimumTier = "pcrm_minimumtier";

        /// <summary>System column. Owner (user or team).</summary>
        public const string OwnerId = "ownerid";

        public const string StateCode = "statecode";

        public const string StatusCode = "statuscode";

        public const string CreatedOn = "createdon";

        public const string ModifiedOn = "modifiedon";
    }

    public static class Keys
    {
        /// <summary>Reward Code (商品编码): pcrm_code.</summary>
        public const string Code = "pcrm_reward_code";
    }
}
