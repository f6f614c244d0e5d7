using PropertyCrm.Domain.Loyalty;

namespace PropertyCrm.Domain.Lifecycle;

/// <summary>A service request (报事报修/投诉/咨询…) as the lifecycle rules need it: when, and whether it was a repair.</summary>
public sealed record ServiceRequestFact(ChinaDate OpenedOn, bool IsRepair);
