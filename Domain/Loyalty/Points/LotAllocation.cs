namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>How many points a redemption or expiry took from one lot; a reversal puts exactly these back.</summary>
public sealed record LotAllocation(string LotKey, int Points);
