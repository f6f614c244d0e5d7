namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>What the rewards catalogue (兑换目录) offers, from the sources' list.</summary>
public enum RewardKind
{
    /// <summary>物业费折扣/抵扣券: credited against a future fee bill.</summary>
    FeeDiscountVoucher = 1,

    /// <summary>家政服务: housekeeping hours.</summary>
    Housekeeping = 2,

    /// <summary>社区商铺优惠券: a partner shop's coupon.</summary>
    ShopCoupon = 3,

    /// <summary>礼品: a physical gift picked up at the service centre.</summary>
    Gift = 4,
}
