namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice External Channel (外部渠道). Values are 548210000 + the domain enum value.</summary>
public static class ExternalChannel
{
    public const string Name = "pcrm_externalchannel";

    /// <summary>12345 市民热线 / 12345 hotline</summary>
    public const int Hotline12345 = 548210000;

    /// <summary>住建部门 / Housing authority</summary>
    public const int HousingAuthority = 548210001;

    /// <summary>媒体 / Media</summary>
    public const int Media = 548210002;

    /// <summary>其他 / Other</summary>
    public const int Other = 548210003;
}
