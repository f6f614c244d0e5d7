using PropertyCrm.Domain;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Points;

namespace PropertyCrm.Tests.Domain.Loyalty;

/// <summary>Which ledger entries staff may reverse, and what a redemption's status change means for the ledger.</summary>
public sealed class CorrectionRulesTests
{
    [Theory]
    [InlineData(RedemptionStatus.Requested, RedemptionStatus.Cancelled, true)]
    [InlineData(RedemptionStatus.Fulfilled, RedemptionStatus.Cancelled, true)]
    [InlineData(RedemptionStatus.Requested, RedemptionStatus.Fulfilled, false)]
    [InlineData(RedemptionStatus.Fulfilled, RedemptionStatus.Requested, false)]
    [InlineData(RedemptionStatus.Requested, RedemptionStatus.Requested, false)]
    [InlineData(RedemptionStatus.Cancelled, RedemptionStatus.Cancelled, false)]
    public void Cancels_StatusChange_ReversesOnlyWhenCancelling(RedemptionStatus from, RedemptionStatus to, bool expected)
    {
        Assert.Equal(expected, RedemptionStatusChange.Cancels(from, to));
    }

    [Theory]
    [InlineData(RedemptionStatus.Requested)]
    [InlineData(RedemptionStatus.Fulfilled)]
    public void Cancels_CancelledRestored_RefusedBilingually(RedemptionStatus to)
    {
        var refusal = Assert.Throws<DomainException>(() => RedemptionStatusChange.Cancels(RedemptionStatus.Cancelled, to));

        Assert.Equal(LoyaltyErrorCodes.RedemptionCannotBeRestored, refusal.Code);
        Assert.Equal("已取消的兑换不能恢复,请重新兑换 / A cancelled redemption cannot be restored; redeem again.", refusal.Message);
    }

    [Theory]
    [InlineData(LedgerEntryKind.Earn)]
    [InlineData(LedgerEntryKind.Expire)]
    public void CheckKind_EarnOrExpire_Allowed(LedgerEntryKind kind)
    {
        StaffReversal.CheckKind(kind);
    }

    [Theory]
    [InlineData(LedgerEntryKind.Redeem, LoyaltyErrorCodes.ReverseRedemptionByCancelling, "Cancelled")]
    [InlineData(LedgerEntryKind.Reversal, LoyaltyErrorCodes.ReversalOfReversal, "cannot be reversed")]
    public void CheckKind_RedeemOrReversal_RefusedBilingually(LedgerEntryKind kind, string code, string english)
    {
        var refusal = Assert.Throws<DomainException>(() => StaffReversal.CheckKind(kind));

        Assert.Equal(code, refusal.Code);
        Assert.Contains(" / ", refusal.Message);
        Assert.Contains(english, refusal.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RequireReason_Blank_RefusedBilingually(string? reason)
    {
        var refusal = Assert.Throws<DomainException>(() => StaffReversal.RequireReason(reason));

        Assert.Equal(LoyaltyErrorCodes.ReversalReasonRequired, refusal.Code);
        Assert.Equal("请填写冲正原因 / A reversal needs a reason.", refusal.Message);
    }

    [Fact]
    public void RequireReason_Padded_Trimmed()
    {
        Assert.Equal("重复发放 / Awarded twice", StaffReversal.RequireReason("  重复发放 / Awarded twice "));
    }
}
