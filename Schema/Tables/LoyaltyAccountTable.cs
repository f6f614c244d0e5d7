namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Loyalty account (会员账户): <c>pcrm_loyaltyaccount</c>. One row per owner (alternate key on the contact), the row
/// every award, redemption, reversal, fee payment and sweep of that owner locks before reading; system-maintained.
/// </summary>
public static class LoyaltyAccountTable
{
    public const string LogicalName = "pcrm_loyaltyaccount";

    public const string EntitySetName = "pcrm_loyaltyaccounts";

    public const string PrimaryId = "pcrm_loyaltyaccountid";

    public const string PrimaryName = "pcrm_name";

    /// <summary>The alternate key: one account per owner contact.</summary>
    public const string ContactKey = "pcrm_loyaltyaccount_contact";

    public static class Columns
    {
        /// <summary>Name (名称). Text (200). Required. The owner's name.</summary>
        public const string Name = "pcrm_name";

        /// <summary>Owner (业主). Lookup contact. Required. Alternate key; deleted with the owner (PIPL erasure).</summary>
        public const string Contact = "pcrm_contactid";

        /// <summary>Last Processed On (最近处理时间). Date and time. Written by every owner lock: the write that takes the row lock.</summary>
        public const string LockedOn = "pcrm_lockedon";

        /// <summary>System column. Owner (user or team): the contact's owner, so whoever may read the owner may read the account.</summary>
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
        public const string Contact = "pcrm_loyaltyaccount_contact";
    }

    /// <summary>MaxLength of the text columns code writes (equal to Entity.xml; a test holds them).</summary>
    public static class MaxLengths
    {
        public const int Name = 200;
    }
}
