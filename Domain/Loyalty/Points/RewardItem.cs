using System;
using PropertyCrm.Domain.Loyalty.Tiers;

namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>
/// One item in the rewards catalogue. <see cref="Stock"/> is how many are left (null: unlimited, as for fee
/// vouchers); a redemption returns the stock after it, for the caller to write back.
/// </summary>
public sealed record RewardItem
{
    /// <param name="code">Stable catalogue code, e.g. "FEE-VOUCHER-20".</param>
    /// <param name="kind">What it is.</param>
    /// <param name="name">"中文 / English" as staff and owners see it.</param>
    /// <param name="pointsCost">Points per item, more than zero.</param>
    public RewardItem(string code, RewardKind kind, string name, int pointsCost)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new ArgumentException("A reward needs a code.", nameof(code));
        }

        if (!Enum.IsDefined(typeof(RewardKind), kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown reward kind.");
        }

        if (pointsCost <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pointsCost), pointsCost, "A reward must cost more than zero points.");
        }

        Code = code;
        Kind = kind;
        Name = name ?? string.Empty;
        PointsCost = pointsCost;
    }

    public string Code { get; }

    public RewardKind Kind { get; }

    public string Name { get; }

    public int PointsCost { get; }

    /// <summary>Items left; null for unlimited. Never negative.</summary>
    public int? Stock { get; init; }

    /// <summary>Face value in CNY for vouchers and coupons; informational.</summary>
    public decimal? FaceValue { get; init; }

    /// <summary>Lowest tier allowed to redeem it: the 专属权益 exclusive benefits Diamond owners expect.</summary>
    public OwnerTier MinimumTier { get; init; } = OwnerTier.Standard;

    /// <summary>Withdrawn items stay in the catalogue for history but cannot be redeemed.</summary>
    public bool Active { get; init; } = true;
}
