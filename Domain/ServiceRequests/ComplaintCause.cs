namespace PropertyCrm.Domain.ServiceRequests;

/// <summary>
/// What a complaint (投诉) is about. Values are explicit because they are persisted (option value 548210000 + value)
/// and compared by the repeat rule; never renumber.
/// </summary>
public enum ComplaintCause
{
    /// <summary>服务态度.</summary>
    StaffAttitude = 0,

    /// <summary>维修质量.</summary>
    RepairQuality = 1,

    /// <summary>收费.</summary>
    Fees = 2,

    /// <summary>安全.</summary>
    Safety = 3,

    /// <summary>环境卫生.</summary>
    Cleanliness = 4,

    /// <summary>噪音.</summary>
    Noise = 5,

    /// <summary>邻里.</summary>
    Neighbours = 6,

    /// <summary>停车.</summary>
    Parking = 7,

    /// <summary>其他.</summary>
    Other = 8,
}
