using System.Collections.Generic;
using PropertyCrm.Domain.Loyalty;

namespace PropertyCrm.Domain.Lifecycle;

/// <summary>The stage an owner is in, since when, and the churn-risk flags that are up. Stored on the owner.</summary>
public sealed record LifecycleStatus(LifecycleStage Stage, ChinaDate StageSince, IReadOnlyList<ChurnRiskFlag> Flags);
