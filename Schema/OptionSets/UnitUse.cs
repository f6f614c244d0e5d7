namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Unit Use (房屋用途). What a unit is used for; fee rates differ by use.</summary>
public static class UnitUse
{
    public const string Name = "pcrm_unituse";

    /// <summary>住宅 / Residential</summary>
    public const int Residential = 548210000;

    /// <summary>商铺 / Shop</summary>
    public const int Shop = 548210001;

    /// <summary>车位 / Parking Space</summary>
    public const int ParkingSpace = 548210002;

    /// <summary>办公 / Office</summary>
    public const int Office = 548210003;
}
