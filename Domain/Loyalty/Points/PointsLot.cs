namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>
/// What is left of one award. Points expire lot by lot, and redemptions take from lots in FIFO order:
/// soonest expiry first, then earliest earned, then ledger order. With one expiry age that is simply oldest
/// first; if admins change the age, owners still spend what would expire first.
/// </summary>
public sealed record PointsLot(
    string LotKey,
    EarnRuleCode Rule,
    System.DateTimeOffset EarnedAt,
    ChinaDate ExpiresOn,
    int Points,
    int Remaining)
{
    /// <summary>The lot is gone from this instant: 00:00 +08:00 on the day after <see cref="ExpiresOn"/>.</summary>
    public System.DateTimeOffset ExpiresAt => ExpiresOn.EndInstant;
}
