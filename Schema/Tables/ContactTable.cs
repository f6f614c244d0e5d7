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

        /// <summary>External Key (外部编号). Text (100). The owner's number in another system (billing system, data load, sample company); alternate key.</summary>
        public const string ExternalKey = "pcrm_externalkey";

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

        /// <summary>Tier (会员等级). Choice <see cref="OptionSets.OwnerTier"/>. Owner's current tier; set by the tier evaluation.</summary>
        public const string Tier = "pcrm_tier";

        /// <summary>Tier Changed On (等级变更时间). Date and time (user local). When the tier last changed.</summary>
        public const string TierChangedOn = "pcrm_tierchangedon";

        /// <summary>Points Balance (积分余额). Whole number, signed. Sum of the ledger; maintained by code.</summary>
        public const string PointsBalance = "pcrm_pointsbalance";

        /// <summary>Paid Last 12 Months (近12个月缴费). Currency (CNY). Property fees paid over the last 12 months (CNY); maintained by code for tiering.</summary>
        public const string Rolling12MonthPaid = "pcrm_rolling12monthpaid";

        /// <summary>On-time Ratio (按时缴费率). Decimal (0–1, 4 places). Share of bills paid on time (0–1); maintained by code.</summary>
        public const string OnTimeRatio = "pcrm_ontimeratio";

        /// <summary>Consecutive Unpaid Months (连续欠费月数). Whole number (0 to 1200). Consecutive bill months unpaid; 3 is the churn-risk signal.</summary>
        public const string ConsecutiveUnpaidMonths = "pcrm_consecutiveunpaidmonths";

        /// <summary>Lifecycle Stage (生命周期阶段). Choice <see cref="OptionSets.LifecycleStage"/>. New move-in, stable, churn risk or churned.</summary>
        public const string LifecycleStage = "pcrm_lifecyclestage";

        /// <summary>Lifecycle Changed On (阶段变更时间). Date and time (user local). When the lifecycle stage last changed.</summary>
        public const string LifecycleChangedOn = "pcrm_lifecyclechangedon";

        /// <summary>Churn Risk (流失风险). Yes/no. Whether a churn-risk signal is up (unpaid months or no recent requests).</summary>
        public const string ChurnRisk = "pcrm_churnrisk";

        /// <summary>Churn Risk Since (流失风险起始时间). Date and time (user local). When the churn-risk signal went up; empty when none.</summary>
        public const string ChurnRiskSince = "pcrm_churnrisksince";

        /// <summary>
        /// Elderly Living Alone (独居老人). Yes/no. Kept from the owner's active household (<c>pcrm_livesalone</c>) by
        /// <c>LivingAloneFlagPlugin</c>, so logging a request reads it with the tier (no read of its own).
        /// </summary>
        public const string ElderlyLivingAlone = "pcrm_elderlylivingalone";
    }

    /// <summary>
    /// Columns only PropertyCrm's code writes: the loyalty figures (kept equal to the ledger and the fee records) and
    /// the lifecycle status. Forms show them read-only, and users, imports and flows cannot change them
    /// (<c>SystemColumnsGuardPlugin</c>); the consent dates are stamped by code too but from the consent flags on the same save.
    /// </summary>
    public static readonly string[] SystemMaintainedColumns =
    {
        Columns.Tier,
        Columns.TierChangedOn,
        Columns.PointsBalance,
        Columns.Rolling12MonthPaid,
        Columns.OnTimeRatio,
        Columns.ConsecutiveUnpaidMonths,
        Columns.LifecycleStage,
        Columns.LifecycleChangedOn,
        Columns.ChurnRisk,
        Columns.ChurnRiskSince,
        Columns.ElderlyLivingAlone,
    };

    /// <summary>Schema names of the N:1 relationships whose lookup lives on this table.</summary>
    public static class Relationships
    {
        /// <summary>Butler lookup to systemuser. Owners a butler looks after.</summary>
        public const string Butler = "pcrm_contact_butler_systemuser";
    }

    /// <summary>Alternate keys.</summary>
    public static class Keys
    {
        /// <summary>The owner's number in another system (<see cref="Columns.ExternalKey"/>).</summary>
        public const string ExternalKey = "pcrm_contact_externalkey";
    }
}
