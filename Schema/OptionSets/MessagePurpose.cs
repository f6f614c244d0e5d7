namespace PropertyCrm.Schema.OptionSets;

/// <summary>Local choice Purpose (用途) of pcrm_ownermessage.</summary>
public static class MessagePurpose
{
    public const string Name = "pcrm_ownermessage_pcrm_purpose";

    /// <summary>服务通知 / Service Notice (e.g. a fee reminder): no marketing consent needed.</summary>
    public const int ServiceNotice = 548210000;

    /// <summary>营销 / Marketing: only to owners with the marketing consent.</summary>
    public const int Marketing = 548210001;
}
