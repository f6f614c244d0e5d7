using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Domain.Loyalty.Tiers;

namespace PropertyCrm.Tests.Domain.Loyalty;

/// <summary>
/// Plays the plug-in's part for points tests: asks the engine, appends what it returns, keeps the ledger.
/// Times are ISO strings with offsets; an award's "now" is the event time unless given.
/// </summary>
internal sealed class PointsScript
{
    public PointsScript(PointsRules? rules = null)
    {
        Engine = new PointsEngine(rules ?? PointsRules.Default);
    }

    public PointsEngine Engine { get; }

    public PointsLedger Ledger { get; private set; } = PointsLedger.Empty;

    public static RewardItem Voucher(int cost = 200, int? stock = null) =>
        new("FEE-VOUCHER-20", RewardKind.FeeDiscountVoucher, "物业费抵扣券 ¥20 / ¥20 fee voucher", cost) { Stock = stock, FaceValue = 20m };

    public EarnResult Earn(
        LoyaltyEventKind kind,
        string source,
        string at,
        decimal? amount = null,
        OwnerTier tier = OwnerTier.Standard,
        string? now = null)
    {
        var result = Engine.Earn(Ledger, new LoyaltyEvent(kind, source, Iso.At(at), amount), tier, Iso.At(now ?? at));
        if (result.HasNewEntry)
        {
            Ledger = Ledger.Append(new[] { result.Entry! });
        }

        return result;
    }

    /// <summary>Awards a community event (50 points by default) and returns its lot key.</summary>
    public string Attend(string source, string at)
    {
        var result = Earn(LoyaltyEventKind.CommunityEventAttended, source, at);
        return result.Entry!.Key;
    }

    public RedemptionResult Redeem(RewardItem reward, string redemptionId, string now, int quantity = 1, OwnerTier tier = OwnerTier.Standard)
    {
        var result = Engine.Redeem(Ledger, reward, quantity, redemptionId, tier, Iso.At(now));
        Ledger = Ledger.Append(result.Entries);
        return result;
    }

    public ReversalResult Reverse(string key, string now)
    {
        var result = Engine.Reverse(Ledger, key, "录入错误 / Entered in error", Iso.At(now));
        if (!result.AlreadyApplied)
        {
            Ledger = Ledger.Append(new[] { result.Reversal });
        }

        return result;
    }

    public ExpirySweep Sweep(string now)
    {
        var sweep = Engine.SweepExpired(Ledger, Iso.At(now));
        Ledger = Ledger.Append(sweep.Entries);
        return sweep;
    }
}
