namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>
/// What a change of a redemption's status means for the ledger. Cancelling (from Requested or Fulfilled) reverses the
/// Redeem entry; a cancelled redemption is final, because its points and stock are already back and restoring it
/// would mean taking them again without the checks a new redemption makes (balance, stock, tier, withdrawn reward).
/// </summary>
public static class RedemptionStatusChange
{
    public const string CannotRestoreMessage = "已取消的兑换不能恢复,请重新兑换 / A cancelled redemption cannot be restored; redeem again.";

    /// <summary>True when the change cancels the redemption (post the reversal); false when the ledger is untouched.</summary>
    /// <exception cref="DomainException"><see cref="LoyaltyErrorCodes.RedemptionCannotBeRestored"/> for Cancelled → Requested/Fulfilled.</exception>
    public static bool Cancels(RedemptionStatus from, RedemptionStatus to)
    {
        if (from == RedemptionStatus.Cancelled)
        {
            return to == RedemptionStatus.Cancelled
                ? false
                : throw new DomainException(LoyaltyErrorCodes.RedemptionCannotBeRestored, CannotRestoreMessage);
        }

        return to == RedemptionStatus.Cancelled;
    }
}
