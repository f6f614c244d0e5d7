namespace PropertyCrm.Domain.Loyalty;

/// <summary>
/// Stable <see cref="DomainException.Code"/> values for fees, tiers and points. Callers branch on these,
/// never on the bilingual message text, so the wording can change freely.
/// </summary>
public static class LoyaltyErrorCodes
{
    public const string DuplicateBill = "fees.bill.duplicate";
    public const string UnknownBill = "fees.payment.unknown-bill";
    public const string DuplicatePayment = "fees.payment.duplicate";
    public const string InvalidTierRules = "tier.rules.invalid";
    public const string InvalidPointsRules = "points.rules.invalid";
    public const string InvalidReward = "points.reward.invalid";
    public const string RewardInactive = "points.reward.inactive";
    public const string RewardTierTooLow = "points.reward.tier-too-low";
    public const string RewardOutOfStock = "points.reward.out-of-stock";
    public const string InsufficientBalance = "points.balance.insufficient";
    public const string InvalidEntry = "points.entry.invalid";
    public const string LedgerCorrupt = "points.ledger.corrupt";
    public const string UnknownEntry = "points.entry.unknown";
    public const string ReversalOfReversal = "points.reversal.of-reversal";
    public const string ReversalReasonRequired = "points.reversal.reason-required";
    public const string ReverseRedemptionByCancelling = "points.reversal.cancel-redemption";
    public const string RedemptionCannotBeRestored = "points.redemption.cannot-restore";
    public const string FeeEventWithoutAmount = "points.event.amount-missing";
}
