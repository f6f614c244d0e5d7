namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Department (责任部门). Values are 548210000 + the domain enum value.</summary>
public static class Department
{
    public const string Name = "pcrm_department";

    /// <summary>客服 / Customer service</summary>
    public const int CustomerService = 548210000;

    /// <summary>工程 / Engineering</summary>
    public const int Engineering = 548210001;

    /// <summary>秩序 / Security</summary>
    public const int Security = 548210002;

    /// <summary>环境 / Environment/cleaning</summary>
    public const int Environment = 548210003;

    /// <summary>财务 / Finance</summary>
    public const int Finance = 548210004;

    /// <summary>其他 / Other</summary>
    public const int Other = 548210005;
}
