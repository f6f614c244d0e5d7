namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Channel (沟通渠道). How owners reach the property company; preferred channel now, request channel later.</summary>
public static class Channel
{
    public const string Name = "pcrm_channel";

    /// <summary>APP / App</summary>
    public const int App = 548210000;

    /// <summary>小程序 / Mini Program</summary>
    public const int MiniProgram = 548210001;

    /// <summary>微信公众号 / WeChat Official Account</summary>
    public const int WeChatOfficialAccount = 548210002;

    /// <summary>业主群 / Owner WeChat Group</summary>
    public const int OwnerWeChatGroup = 548210003;

    /// <summary>电话 / Hotline</summary>
    public const int Hotline = 548210004;

    /// <summary>前台 / Front Desk</summary>
    public const int FrontDesk = 548210005;

    /// <summary>管家 / Butler</summary>
    public const int Butler = 548210006;
}
