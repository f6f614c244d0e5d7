namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Property Type (项目类型). Kind of property; drives service standards and satisfaction targets.</summary>
public static class PropertyType
{
    public const string Name = "pcrm_propertytype";

    /// <summary>高端住宅 / Luxury Residential</summary>
    public const int LuxuryResidential = 548210000;

    /// <summary>大型社区 / Large Community</summary>
    public const int LargeCommunity = 548210001;

    /// <summary>商业综合体 / Commercial Complex</summary>
    public const int CommercialComplex = 548210002;

    /// <summary>别墅 / Villa</summary>
    public const int Villa = 548210003;

    /// <summary>老旧小区 / Older Estate</summary>
    public const int OlderEstate = 548210004;

    /// <summary>酒店式公寓 / Serviced Apartment</summary>
    public const int ServicedApartment = 548210005;
}
