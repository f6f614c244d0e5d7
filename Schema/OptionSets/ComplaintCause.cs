namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Complaint Cause (投诉原因). Values are 548210000 + the domain enum value.</summary>
public static class ComplaintCause
{
    public const string Name = "pcrm_complaintcause";

    /// <summary>服务态度 / Staff attitude</summary>
    public const int StaffAttitude = 548210000;

    /// <summary>维修质量 / Repair quality</summary>
    public const int RepairQuality = 548210001;

    /// <summary>收费 / Fees</summary>
    public const int Fees = 548210002;

    /// <summary>安全 / Safety</summary>
    public const int Safety = 548210003;

    /// <summary>环境卫生 / Cleanliness</summary>
    public const int Cleanliness = 548210004;

    /// <summary>噪音 / Noise</summary>
    public const int Noise = 548210005;

    /// <summary>邻里 / Neighbours</summary>
    public const int Neighbours = 548210006;

    /// <summary>停车 / Parking</summary>
    public const int Parking = 548210007;

    /// <summary>其他 / Other</summary>
    public const int Other = 548210008;
}
