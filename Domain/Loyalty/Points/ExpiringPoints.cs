using System.Collections.Generic;

namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>Points that will expire in one month unless spent first: for the "积分即将过期" reminder.</summary>
public sealed record ExpiringPoints(YearMonth Month, int Points, IReadOnlyList<PointsLot> Lots);
