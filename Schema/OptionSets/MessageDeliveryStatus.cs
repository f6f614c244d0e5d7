namespace PropertyCrm.Schema.OptionSets;

/// <summary>Local choice Delivery Status (发送状态) of pcrm_ownermessage.</summary>
public static class MessageDeliveryStatus
{
    public const string Name = "pcrm_ownermessage_pcrm_deliverystatus";

    /// <summary>待发送 / Pending: the flow sends it.</summary>
    public const int Pending = 548210000;

    /// <summary>已发送 / Sent</summary>
    public const int Sent = 548210001;

    /// <summary>发送失败 / Failed</summary>
    public const int Failed = 548210002;
}
