namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Property-fee bill (物业费账单): <c>pcrm_feebill</c>. One month's bill of an owner; payments settle it. Feeds tiering, churn risk and the 物业费收缴率 collection rate.
/// </summary>
public static class FeeBillTable
{
    public const string LogicalName = "pcrm_feebill";

    public const string EntitySetName = "pcrm_feebills";

    public const string PrimaryId = "pcrm_feebillid";

    public const string PrimaryName = "pcrm_name";

    /// <summary>Columns only PropertyCrm's code writes; forms show them read-only.</summary>
    public static readonly string[] SystemMaintainedColumns =
    {
        Columns.AmountPaid,
        Columns.PaidInFullOn,
    };

    public static class Columns
    {
        /// <summary>Name (名称). Text (200). Required. E.g. "2026-03 property fee · Bldg 3 Unit 1201".</summary>
        public const string Name = "pcrm_name";

        /// <summary>Owner (业主). Lookup contact. Required. Owner the bill is for; cleared when the owner is erased (PIPL), the bill kept as an accounting record.</summary>
        public const string Contact = "pcrm_contactid";

        /// <summary>Unit (房屋). Lookup pcrm_unit. Unit the fee is charged for.</summary>
        public const string Unit = "pcrm_unitid";

        /// <summary>Billing Month (账期). Date only. Required. First day of the month the bill charges for.</summary>
        public const string PeriodStart = "pcrm_periodstart";

        /// <summary>Amount Due (应缴金额). Currency (CNY). Required. Property fee due for the period (CNY), more than zero.</summary>
        public const string AmountDue = "pcrm_amountdue";

        /// <summary>Due On (缴费截止日). Date only. Required. Last day (China time) on which a payment is on time.</summary>
        public const string DueOn = "pcrm_dueon";

        /// <summary>Amount Paid (已缴金额). Currency (CNY). Total of payments received; maintained by code.</summary>
        public const string AmountPaid = "pcrm_amountpaid";

        /// <summary>Paid in Full On (结清日期). Date only. Date the payments reached the amount due; empty while unpaid.</summary>
        public const string PaidInFullOn = "pcrm_paidinfullon";

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
        /// <summary>Contact lookup to contact; delete removes the link (PIPL erasure keeps the accounting record), assign/share cascade.</summary>
        public const string Contact = "pcrm_feebill_contact";

        /// <summary>Unit lookup to pcrm_unit; delete restricted.</summary>
        public const string Unit = "pcrm_feebill_unit";
    }
}
