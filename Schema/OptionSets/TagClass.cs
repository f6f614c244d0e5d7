namespace PropertyCrm.Schema.OptionSets;

/// <summary>Local choice Tag Class (标签类别) of pcrm_tag.</summary>
public static class TagClass
{
    public const string Name = "pcrm_tag_pcrm_tagclass";

    /// <summary>生命周期 / Lifecycle</summary>
    public const int Lifecycle = 548210000;

    /// <summary>家庭结构 / Household</summary>
    public const int Household = 548210001;

    /// <summary>客户价值 / Value</summary>
    public const int Value = 548210002;

    /// <summary>服务体验 / Service</summary>
    public const int Service = 548210003;

    /// <summary>缴费 / Payment</summary>
    public const int Payment = 548210004;

    /// <summary>社区参与 / Engagement</summary>
    public const int Engagement = 548210005;

    /// <summary>其他 / Other</summary>
    public const int Other = 548210006;
}
