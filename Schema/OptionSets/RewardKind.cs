namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Reward Kind (兑换商品类型). What the rewards catalogue offers. Values: 548210000 + the domain enum value (RewardKind, 1-based: FeeDiscountVoucher = 548210001).</summary>
public static class RewardKind
{
    public const string Name = "pcrm_rewardkind";

    /// <summary>物业费抵扣券 / Fee Discount Voucher</summary>
    public const int FeeDiscountVoucher = 548210001;

    /// <summary>家政服务 / Housekeeping</summary>
    public const int Housekeeping = 548210002;

    /// <summary>社区商铺优惠券 / Shop Coupon</summary>
    public const int ShopCoupon = 548210003;

    /// <summary>礼品 / Gift</summary>
    public const int Gift = 548210004;
}
