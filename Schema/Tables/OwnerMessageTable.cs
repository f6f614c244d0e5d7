namespace PropertyCrm.Schema.Tables;

/// <summary>
/// Owner message (业主消息): <c>pcrm_ownermessage</c>. An SMS or WeChat message to an owner, service notice or marketing,
/// written by staff or by the 催缴 ladder (a reminder, alternate key <see cref="Columns.Key"/>); a cloud flow sends the
/// pending rows and records the result. A marketing message needs the owner's marketing consent (refused on save).
/// </summary>
public static class OwnerMessageTable
{
    public const string LogicalName = "pcrm_ownermessage";

    public const string EntitySetName = "pcrm_ownermessages";

    public const string PrimaryId = "pcrm_ownermessageid";

    public const string PrimaryName = "pcrm_name";

    public static class Columns
    {
        /// <summary>Name (名称). Text (200). Required.</summary>
        public const string Name = "pcrm_name";

        /// <summary>Owner (业主). Lookup contact. Required; deleted with the owner (PIPL erasure).</summary>
        public const string Contact = "pcrm_contactid";

        /// <summary>Purpose (用途). Choice <see cref="OptionSets.MessagePurpose"/>. Required.</summary>
        public const string Purpose = "pcrm_purpose";

        /// <summary>Channel (渠道). Choice <see cref="OptionSets.MessageChannel"/>. Required.</summary>
        public const string Channel = "pcrm_channel";

        /// <summary>Text (内容). Multiline text (500). Required.</summary>
        public const string Text = "pcrm_text";

        /// <summary>Delivery Status (发送状态). Choice <see cref="OptionSets.MessageDeliveryStatus"/>; the flow sends 待发送 rows.</summary>
        public const string DeliveryStatus = "pcrm_deliverystatus";

        /// <summary>Sent On (发送时间). Written by the flow.</summary>
        public const string SentOn = "pcrm_senton";

        /// <summary>Failure Reason (失败原因). Text (500). Written by the flow.</summary>
        public const string FailureReason = "pcrm_failurereason";

        /// <summary>Fee Bill (物业费账单). Lookup pcrm_feebill; the bill a reminder is about (cleared when the bill is deleted).</summary>
        public const string FeeBill = "pcrm_feebillid";

        /// <summary>Message Key (消息键). Text (100); alternate key "bill id|rung" for the ladder's reminders, blank otherwise.</summary>
        public const string Key = "pcrm_key";

        public const string OwnerId = "ownerid";

        public const string StateCode = "statecode";

        public const string StatusCode = "statuscode";

        public const string CreatedOn = "createdon";
    }

    public static class Keys
    {
        public const string Key = "pcrm_ownermessage_key";
    }

    public static class Relationships
    {
        public const string Contact = "pcrm_ownermessage_contact";
        public const string FeeBill = "pcrm_ownermessage_feebill";
    }

    /// <summary>MaxLength of the text columns code writes (equal to Entity.xml).</summary>
    public static class MaxLengths
    {
        public const int Name = 200;

        public const int Text = 500;

        public const int FailureReason = 500;

        public const int Key = 100;
    }
}
