using PropertyCrm.Domain.Loyalty;

namespace PropertyCrm.Domain.Lifecycle;

/// <summary>
/// One occupancy (住户关系) of the owner as the lifecycle needs it: start, and end (the first day they no longer
/// live there), either possibly blank. <see cref="Withdrawn"/> is a deactivated row.
/// </summary>
public sealed record OccupancySpan(ChinaDate? StartOn, ChinaDate? EndOn, bool Withdrawn = false);
