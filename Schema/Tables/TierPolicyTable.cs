namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Tier policy (等级规则): <c>pcrm_tierpolicy</c>. One active row is the company policy; each empty field falls back to the built-in default (TierRules.Default, PointsRules.Default).
/// </summary>
public static class TierPolicyTable
{
    public const string LogicalName = "pcrm_tierpolicy";

    public const string EntitySetName = "pcrm_tierpolicies";

    public const string PrimaryId = "pcrm_tierpolicyid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Name (名称). Text (200). Required. E.g. "2026 tier policy".</summary>
        public const string Name = "pcrm_name";

        /// <summary>Silver Paid Threshold (银卡缴费门槛). Currency (CNY). Silver when 12-month paid fees exceed this; empty means ¥2,000.</summary>
        public const string SilverPaidThreshold = "pcrm_silverpaidthreshold";

        /// <summary>Gold Paid Threshold (金卡缴费门槛). Currency (CNY). Gold when 12-month paid fees exceed this; empty means ¥3,500.</summary>
        public const string GoldPaidThreshold = "pcrm_goldpaidthreshold";

        /// <summary>Diamond Paid Threshold (钻石缴费门槛). Currency (CNY). Diamond when 12-month paid fees exceed this with nothing overdue; empty means ¥5,000.</summary>
        public const string DiamondPaidThreshold = "pcrm_diamondpaidthreshold";

        /// <summary>Silver Engagement Points (银卡互动积分). Whole number (0 to 2147483647). Silver at this many activity points in 12 months; empty means 300.</summary>
        public const string SilverEngagementPoints = "pcrm_silverengagementpoints";

        /// <summary>Gold Engagement Points (金卡互动积分). Whole number (0 to 2147483647). Gold at this many activity points in 12 months; empty means 800.</summary>
        public const string GoldEngagementPoints = "pcrm_goldengagementpoints";

        /// <summary>Max Arrears Months (Silver, Gold) (银卡金卡允许欠费月数). Whole number (0 to 12). Overdue months Silver and Gold still allow; empty means 2.</summary>
        public const string MaxArrearsMonths = "pcrm_maxarrearsmonths";

        /// <summary>Review Every (Months) (评审周期(月)). Whole number (1 to 12). Months between periodic reviews (must divide 12); empty means 3.</summary>
        public const string ReviewEveryMonths = "pcrm_revieweverymonths";

        /// <summary>Points Expiry Years (积分有效年数). Whole number (0 to 10). Points expire at the end of 31 December this many years after the earning year; empty means 2.</summary>
        public const string PointsExpiryYears = "pcrm_pointsexpiryyears";

        /// <summary>New Move-in Days (新入住期天数). Whole number 1..365; blank = LifecycleRules default 90.</summary>
        public const string NewMoveInDays = "pcrm_newmoveindays";

        /// <summary>Churn-risk Unpaid Months (流失风险欠费月数). Whole number 1..24; blank = 3.</summary>
        public const string ChurnRiskUnpaidMonths = "pcrm_churnriskunpaidmonths";

        /// <summary>Quiet Months (无报事月数). Whole number 1..36; blank = 6.</summary>
        public const string ChurnRiskQuietMonths = "pcrm_churnriskquietmonths";

        /// <summary>Churned Unpaid Months (流失欠费月数). Whole number 2..48, above the churn-risk months; blank = 6.</summary>
        public const string ChurnedUnpaidMonths = "pcrm_churnedunpaidmonths";

        /// <summary>Collection Reminder Months (催缴提醒月数). Whole number 1..24; blank = 1 (CollectionLadderRules).</summary>
        public const string CollectionReminderMonths = "pcrm_collectionremindermonths";

        /// <summary>Collection Call Months (催缴电话月数). Whole number 1..24, not after the churn-risk unpaid months; blank = 2.</summary>
        public const string CollectionCallMonths = "pcrm_collectioncallmonths";

        /// <summary>System column. Owner (user or team).</summary>
        public const string OwnerId = "ownerid";

        public const string StateCode = "statecode";

        public const string StatusCode = "statuscode";

        public const string CreatedOn = "createdon";

        public const string ModifiedOn = "modifiedon";
    }

    /// <summary>Alternate keys: the name identifies a row across environments (`pcrm data` addresses rows by it).</summary>
    public static class Keys
    {
        public const string Name = "pcrm_tierpolicy_name";
    }
}
