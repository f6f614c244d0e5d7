namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Service line (服务条线, 四保一服). 548210000 + the domain enum value.</summary>
public static class ServiceLine
{
    public const string Name = "pcrm_serviceline";

    /// <summary>保安 / Security</summary>
    public const int Security = 548210000;

    /// <summary>保洁 / Cleaning</summary>
    public const int Cleaning = 548210001;

    /// <summary>保绿 / Greenery</summary>
    public const int Greenery = 548210002;

    /// <summary>保修 / Maintenance</summary>
    public const int Maintenance = 548210003;

    /// <summary>客户服务 / Customer service</summary>
    public const int CustomerService = 548210004;
}
