namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>Where a redemption stands. Requested and Fulfilled hold the points; Cancelled has given them back.</summary>
public enum RedemptionStatus
{
    /// <summary>已申请: points taken, reward not yet handed over.</summary>
    Requested = 1,

    /// <summary>已兑现: reward handed over.</summary>
    Fulfilled = 2,

    /// <summary>已取消: points and stock returned by a reversal; final.</summary>
    Cancelled = 3,
}
