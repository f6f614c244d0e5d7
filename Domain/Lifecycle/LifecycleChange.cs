using PropertyCrm.Domain.Loyalty;

namespace PropertyCrm.Domain.Lifecycle;

/// <summary>
/// One dated change for the owner's timeline: a stage change (<see cref="FromStage"/> → <see cref="ToStage"/>)
/// or a flag raised or cleared (<see cref="Flag"/>).
/// </summary>
public sealed record LifecycleChange(
    LifecycleChangeKind Kind,
    ChinaDate On,
    LifecycleStage? FromStage,
    LifecycleStage? ToStage,
    ChurnRiskFlagKind? Flag,
    string ReasonCode,
    string Reason);
