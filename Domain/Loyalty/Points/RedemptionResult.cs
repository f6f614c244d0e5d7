using System.Collections.Generic;

namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>
/// A redemption: the entries to append in order (expiries the redemption had to settle first, then the
/// Redeem entry), the lots it takes from, and the reward's stock afterwards. When the same redemption was
/// already recorded, <see cref="AlreadyApplied"/> is true, <see cref="Entries"/> is empty and the stock is
/// unchanged.
/// </summary>
public sealed record RedemptionResult(
    bool AlreadyApplied,
    PointsLedgerEntry Redemption,
    IReadOnlyList<PointsLedgerEntry> Entries,
    IReadOnlyList<LotAllocation> Allocations,
    int? StockAfter,
    int BalanceAfter);
