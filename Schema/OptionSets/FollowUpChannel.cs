namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Follow-up Channel (回访方式).</summary>
public static class FollowUpChannel
{
    public const string Name = "pcrm_followupchannel";

    /// <summary>电话 / Phone</summary>
    public const int Phone = 548210000;

    /// <summary>上门 / Visit</summary>
    public const int Visit = 548210001;

    /// <summary>微信 / WeChat</summary>
    public const int WeChat = 548210002;

    /// <summary>短信 / SMS</summary>
    public const int Sms = 548210003;
}
