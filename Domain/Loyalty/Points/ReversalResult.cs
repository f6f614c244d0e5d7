namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>
/// A correction: the Reversal entry to append, or the existing one when the entry was already reversed
/// (<see cref="AlreadyApplied"/>; nothing to append).
/// </summary>
public sealed record ReversalResult(bool AlreadyApplied, PointsLedgerEntry Reversal);
