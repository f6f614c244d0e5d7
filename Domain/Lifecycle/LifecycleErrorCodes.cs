namespace PropertyCrm.Domain.Lifecycle;

/// <summary>Stable <see cref="DomainException.Code"/> values for lifecycle and care rules.</summary>
public static class LifecycleErrorCodes
{
    public const string NotMovedIn = "lifecycle.not-moved-in";
    public const string MoveOutBeforeMoveIn = "lifecycle.move-out-before-move-in";
    public const string InvalidRules = "lifecycle.rules.invalid";
}
