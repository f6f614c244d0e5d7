namespace PropertyCrm.Schema.OptionSets;

/// <summary>Local choice Layout (户型). Floor plan of a residential unit.</summary>
public static class UnitLayout
{
    public const string Name = "pcrm_unit_pcrm_layout";

    /// <summary>开间 / Studio</summary>
    public const int Studio = 548210000;

    /// <summary>一室一厅 / 1 Bedroom, 1 Living Room</summary>
    public const int OneBedroom = 548210001;

    /// <summary>两室一厅 / 2 Bedrooms, 1 Living Room</summary>
    public const int TwoBedroomOneLiving = 548210002;

    /// <summary>两室两厅 / 2 Bedrooms, 2 Living Rooms</summary>
    public const int TwoBedroomTwoLiving = 548210003;

    /// <summary>三室一厅 / 3 Bedrooms, 1 Living Room</summary>
    public const int ThreeBedroomOneLiving = 548210004;

    /// <summary>三室两厅 / 3 Bedrooms, 2 Living Rooms</summary>
    public const int ThreeBedroomTwoLiving = 548210005;

    /// <summary>四室及以上 / 4 or More Bedrooms</summary>
    public const int FourOrMoreBedrooms = 548210006;

    /// <summary>复式/跃层 / Duplex</summary>
    public const int Duplex = 548210007;

    /// <summary>其他 / Other</summary>
    public const int Other = 548210008;
}
