namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Fee payment (缴费记录): <c>pcrm_feepayment</c>. Money received against one bill; its on-time flag and points award are set by code.
/// </summary>
public static class FeePaymentTable
{
    public const string LogicalName = "pcrm_feepayment";

    public const string EntitySetName = "pcrm_feepayments";

    public const string PrimaryId = "pcrm_feepaymentid";

    public const string PrimaryName = "pcrm_name";

    /// <summary>Columns only PropertyCrm's code writes; forms show them read-only.</summary>
    public static readonly string[] SystemMaintainedColumns =
    {
        Columns.OnTime,
    };

    public static class Columns
    {
        /// <summary>Name (名称). Text (200). Required. E.g. "WeChat Pay · 2026-03 property fee".</summary>
        public const string Name = "pcrm_name";

        /// <summary>Fee Bill (物业费账单). Lookup pcrm_feebill. Required. Bill this payment settles (fully or in part).</summary>
        public const string FeeBill = "pcrm_feebillid";

        /// <summary>Owner (业主). Lookup contact. Required. Owner who paid; cleared when the owner is erased (PIPL), the payment kept as an accounting record.</summary>
        public const string Contact = "pcrm_contactid";

        /// <summary>Amount (缴费金额). Currency (CNY). Required. Amount received (CNY), more than zero; refunds are not payments.</summary>
        public const string Amount = "pcrm_amount";

        /// <summary>Paid On (缴费时间). Date and time (user local). Required. When the money was received; its China date decides on-time.</summary>
        public const string PaidOn = "pcrm_paidon";

        /// <summary>Channel (缴费渠道). Choice <see cref="OptionSets.PaymentChannel"/>. How it was paid.</summary>
        public const string Channel = "pcrm_channel";

        /// <summary>On Time (按时缴费). Yes/no. Paid on or before the bill's due date; set by code.</summary>
        public const string OnTime = "pcrm_ontime";

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
        /// <summary>FeeBill lookup to pcrm_feebill; delete restricted.</summary>
        public const string FeeBill = "pcrm_feepayment_feebill";

        /// <summary>Contact lookup to contact; delete removes the link (PIPL erasure keeps the accounting record), assign/share cascade.</summary>
        public const string Contact = "pcrm_feepayment_contact";
    }
}
