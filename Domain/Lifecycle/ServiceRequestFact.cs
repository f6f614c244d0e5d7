using PropertyCrm.Domain.Loyalty;

namespace PropertyCrm.Domain.Lifecycle;

/// <summary>A service request (报事报修/投诉/咨询…) as the lifecycle and tag rules need it: when, and whether it was a repair or a complaint.</summary>
public sealed record ServiceRequestFact(ChinaDate OpenedOn, bool IsRepair, bool IsComplaint = false);
