namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>
/// Which entries staff may reverse by hand (<c>pcrm_ReversePointsEntry</c>), checked before anything is locked or read.
/// </summary>
/// <remarks>
/// Earn and Expire entries can be reversed (see <see cref="PointsLedger"/> for what each does). A Redeem entry belongs to
/// a redemption record: reversing it alone would return the points but leave the reward's stock taken and the
/// redemption looking valid, so staff cancel the redemption instead, which reverses the entry and returns the stock in
/// one transaction. A reversal cannot be reversed (<see cref="PointsEngine.Reverse"/> says the same).
/// </remarks>
public static class StaffReversal
{
    public const string ReasonRequiredMessage = "请填写冲正原因 / A reversal needs a reason.";

    public const string CancelRedemptionMessage = "兑换扣减的积分不能直接冲正,请将该兑换记录的状态原因改为“已取消”,积分和库存会一并退回 / Points taken by a redemption cannot be reversed directly; set the redemption's status reason to Cancelled, which returns the points and the stock.";

    public const string ReversalOfReversalMessage = "冲正记录不能再冲正,请重新发放积分 / A reversal cannot be reversed; award the points again instead.";

    /// <summary>
    /// The longest reason accepted. The reversal's description is "冲正 / Reversal of {key}: {reason}" in a 500-character
    /// column; the longest key a reversal can name is an expiry of a lot earned from a 100-character source id (about
    /// 140 characters), which leaves room for 300.
    /// </summary>
    public const int ReasonMaxLength = 300;

    /// <summary>The reason staff typed; it goes into the reversal's description, so a blank one is refused.</summary>
    /// <exception cref="DomainException"><see cref="LoyaltyErrorCodes.ReversalReasonRequired"/>.</exception>
    /// <exception cref="DomainException"><see cref="TextLimits.TooLongCode"/> over <see cref="ReasonMaxLength"/> (also for the workflow activity).</exception>
    public static string RequireReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? throw new DomainException(LoyaltyErrorCodes.ReversalReasonRequired, ReasonRequiredMessage)
            : TextLimits.RequireAtMost(reason!.Trim(), ReasonMaxLength, "Reason")!;

    /// <exception cref="DomainException"><see cref="LoyaltyErrorCodes.ReverseRedemptionByCancelling"/> for a Redeem entry,
    /// <see cref="LoyaltyErrorCodes.ReversalOfReversal"/> for a Reversal.</exception>
    public static void CheckKind(LedgerEntryKind kind)
    {
        switch (kind)
        {
            case LedgerEntryKind.Redeem:
                throw new DomainException(LoyaltyErrorCodes.ReverseRedemptionByCancelling, CancelRedemptionMessage);
            case LedgerEntryKind.Reversal:
                throw new DomainException(LoyaltyErrorCodes.ReversalOfReversal, ReversalOfReversalMessage);
        }
    }
}
