namespace PropertyCrm.Schema.OptionSets;

/// <summary>Local choice ID Type (证件类型). Kind of identity document an owner registered with.</summary>
public static class IdType
{
    public const string Name = "contact_pcrm_idtype";

    /// <summary>居民身份证 / Resident ID Card</summary>
    public const int ResidentIdCard = 548210000;

    /// <summary>护照 / Passport</summary>
    public const int Passport = 548210001;

    /// <summary>港澳居民来往内地通行证 / Mainland Travel Permit for Hong Kong and Macao Residents</summary>
    public const int HongKongMacaoPermit = 548210002;

    /// <summary>台湾居民来往大陆通行证 / Mainland Travel Permit for Taiwan Residents</summary>
    public const int TaiwanPermit = 548210003;

    /// <summary>外国人永久居留身份证 / Foreign Permanent Resident ID Card</summary>
    public const int ForeignPermanentResidentCard = 548210004;

    /// <summary>其他 / Other</summary>
    public const int Other = 548210005;
}
