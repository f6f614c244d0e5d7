using PropertyCrm.Domain.Loyalty;

namespace PropertyCrm.Domain.Lifecycle;

/// <summary>A suggested task: what, by when (China date), for whom, and why.</summary>
public sealed record SuggestedAction(SuggestedActionKind Kind, ChinaDate DueOn, StaffRole Role, string ReasonCode, string Reason);
