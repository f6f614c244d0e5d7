namespace PropertyCrm.Schema.OptionSets;

/// <summary>Local choice Channel (渠道) of pcrm_ownermessage.</summary>
public static class MessageChannel
{
    public const string Name = "pcrm_ownermessage_pcrm_channel";

    /// <summary>短信 / SMS</summary>
    public const int Sms = 548210000;

    /// <summary>微信 / WeChat</summary>
    public const int WeChat = 548210001;
}
