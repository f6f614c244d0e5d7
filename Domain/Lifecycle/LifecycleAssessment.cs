using System.Collections.Generic;

namespace PropertyCrm.Domain.Lifecycle;

/// <summary>The owner's status now, the code and reason for its stage, and what changed since the previous status.</summary>
public sealed record LifecycleAssessment(LifecycleStatus Status, string ReasonCode, string Reason, IReadOnlyList<LifecycleChange> Changes);
