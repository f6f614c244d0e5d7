namespace PropertyCrm.Schema.Tables;

/// <summary>Contact (联系人): <c>contact</c>. System table; only the columns code uses and the columns PropertyCrm adds.</summary>
public static class ContactTable
{
    public const string LogicalName = "contact";

    public const string EntitySetName = "contacts";

    public const string PrimaryId = "contactid";

    public const string PrimaryName = "fullname";

    public static class Columns
    {
        /// <summary>System column. Primary key.</summary>
        public const string ContactId = "contactid";

        /// <summary>System column. Full name, composed by the platform from last and first name.</summary>
        public const string FullName = "fullname";

        /// <summary>System column. Given name (名).</summary>
        public const string FirstName = "firstname";

        /// <summary>System column. Family name (姓); required by the platform.</summary>
        public const string LastName = "lastname";

        /// <summary>System column. Date of birth (birthday care, e.g. 60th).</summary>
        public const string BirthDate = "birthdate";

        /// <summary>System column. Mobile phone.</summary>
        public const string MobilePhone = "mobilephone";

        /// <summary>System column. Primary email.</summary>
        public const string EmailAddress1 = "emailaddress1";

        /// <summary>System column. Status: 0 active, 1 inactive.</summary>
        public const string StateCode = "statecode";

        /// <summary>System column. Status reason.</summary>
        public const string StatusCode = "statuscode";

        /// <summary>System column. Owner (user or team).</summary>
        public const string OwnerId = "ownerid";

        /// <summary>Move-in Date (入住日期). Date only.</summary>
        public const string MoveInDate = "pcrm_moveindate";

        /// <summary>Preferred Channel (偏好沟通渠道). Choice <see cref="OptionSets.Channel"/>.</summary>
        public const string PreferredChannel = "pcrm_preferredchannel";

        /// <summary>Butler (专属管家). Lookup to systemuser.</summary>
        public const string Butler = "pcrm_butlerid";

        /// <summary>Marketing Consent (营销同意). Yes/no.</summary>
        public const string MarketingConsent = "pcrm_marketingconsent";

        /// <summary>Marketing Consent On (营销同意时间). Date and time (user local).</summary>
        public const string MarketingConsentOn = "pcrm_marketingconsenton";

        /// <summary>Marketing Consent Withdrawn On (营销同意撤回时间). Date and time (user local).</summary>
        public const string MarketingConsentWithdrawnOn = "pcrm_marketingconsentwithdrawnon";

        /// <summary>Sensitive Data Consent (敏感个人信息单独同意). Yes/no.</summary>
        public const string SensitiveDataConsent = "pcrm_sensitivedataconsent";

        /// <summary>Sensitive Data Consent On (敏感信息同意时间). Date and time (user local).</summary>
        public const string SensitiveDataConsentOn = "pcrm_sensitivedataconsenton";

        /// <summary>Sensitive Data Consent Withdrawn On (敏感信息同意撤回时间). Date and time (user local).</summary>
        public const string SensitiveDataConsentWithdrawnOn = "pcrm_sensitivedataconsentwithdrawnon";

        /// <summary>ID Type (证件类型). Choice <see cref="OptionSets.IdType"/>.</summary>
        public const string IdType = "pcrm_idtype";

        /// <summary>ID Number (证件号码). Text (50). Field-secured (sensitive personal data).</summary>
        public const string IdNumber = "pcrm_idnumber";
    }

    /// <summary>Schema names of the N:1 relationships whose lookup lives on this table.</summary>
    public static class Relationships
    {
        /// <summary>Butler lookup to systemuser. Owners a butler looks after.</summary>
        public const string Butler = "pcrm_contact_butler_systemuser";
    }
}
