namespace PropertyCrm.Domain.Lifecycle;

public enum LifecycleChangeKind
{
    StageChanged = 1,
    FlagRaised = 2,
    FlagCleared = 3,
}
