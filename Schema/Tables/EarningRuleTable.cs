namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Earning rule (积分规则): <c>pcrm_earningrule</c>. Admin configuration of one earn rule; a rule code without a row uses the built-in default.
/// </summary>
public static class EarningRuleTable
{
    public const string LogicalName = "pcrm_earningrule";

    public const string EntitySetName = "pcrm_earningrules";

    public const string PrimaryId = "pcrm_earningruleid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Name (名称). Text (200). Required. E.g. "On-time fee payment".</summary>
        public const string Name = "pcrm_name";

        /// <summary>Rule (行为). Choice <see cref="OptionSets.EarnRule"/>. Required. Activity the rule applies to; at most one row per activity.</summary>
        public const string Rule = "pcrm_rule";

        /// <summary>Points per Event (每次积分). Whole number (0 to 1000000). Points per occurrence; not used by on-time fee payment.</summary>
        public const string PointsPerEvent = "pcrm_pointsperevent";

        /// <summary>Points per Yuan (每元积分). Decimal (0–1000, 4 places). On-time fee payment only: points per CNY paid (e.g. 0.1).</summary>
        public const string PointsPerYuan = "pcrm_pointsperyuan";

        /// <summary>Monthly Cap (每月上限). Whole number (0 to 2147483647). Most points this rule may award in one calendar month (after multipliers); empty means no cap.</summary>
        public const string MonthlyCap = "pcrm_monthlycap";

        /// <summary>Silver Multiplier (银卡倍数). Decimal (0.01–10, 2 places). Points multiplier for Silver owners; empty means 1.</summary>
        public const string SilverMultiplier = "pcrm_silvermultiplier";

        /// <summary>Gold Multiplier (金卡倍数). Decimal (0.01–10, 2 places). Points multiplier for Gold owners; empty means 1.</summary>
        public const string GoldMultiplier = "pcrm_goldmultiplier";

        /// <summary>Diamond Multiplier (钻石倍数). Decimal (0.01–10, 2 places). Points multiplier for Diamond owners; empty means 1.</summary>
        public const string DiamondMultiplier = "pcrm_diamondmultiplier";

        /// <summary>Enabled (启用). Yes/no. A switched-off rule awards nothing.</summary>
        public const string Enabled = "pcrm_enabled";

        /// <summary>System column. Owner (user or team).</summary>
        public const string OwnerId = "ownerid";

        public const string StateCode = "statecode";

        public const string StatusCode = "statuscode";

        public const string CreatedOn = "createdon";

        public const string ModifiedOn = "modifiedon";
    }

    public static class Keys
    {
        /// <summary>Rule (行为): pcrm_rule.</summary>
        public const string Rule = "pcrm_earningrule_rule";
    }
}
