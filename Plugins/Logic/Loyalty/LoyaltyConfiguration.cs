using System;
using System.Collections.Generic;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Collection;
using PropertyCrm.Domain.Lifecycle;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Domain.Loyalty.Tiers;

namespace PropertyCrm.Plugins.Logic.Loyalty;

/// <summary>
/// One organization's loyalty configuration as of a load: the earn rules (admin <c>pcrm_earningrule</c> rows layered
/// over <see cref="PointsRules.Default"/> by rule code) and the tier rules (the active <c>pcrm_tierpolicy</c> row over
/// <see cref="TierRules.Default"/>). Immutable; shared between threads by <see cref="LoyaltyConfigurationCache"/>.
/// </summary>
public sealed class LoyaltyConfiguration
{
    public LoyaltyConfiguration(DateTime loadedOnUtc, PointsRules pointsRules, TierRules tierRules, IReadOnlyList<string>? problems = null)
    {
        LoadedOnUtc = loadedOnUtc;
        PointsRules = (Guard.NotNull(pointsRules, nameof(pointsRules))).Validate();
        TierRules = (Guard.NotNull(tierRules, nameof(tierRules))).Validate();
        Problems = problems ?? Array.Empty<string>();
    }

    /// <summary>The built-in defaults, with no admin rows.</summary>
    public static LoyaltyConfiguration Defaults(DateTime loadedOnUtc) => new(loadedOnUtc, PointsRules.Default, TierRules.Default);

    /// <summary>The OperationCreatedOn (UTC) of the execution that loaded it.</summary>
    public DateTime LoadedOnUtc { get; }

    /// <summary>Earn rules and points expiry (<see cref="PointsRules.ExpiryYearsAfterEarning"/> comes from the tier policy row).</summary>
    public PointsRules PointsRules { get; }

    /// <summary>Tier thresholds and review cycle.</summary>
    public TierRules TierRules { get; }

    /// <summary>Lifecycle thresholds (新入住 days, unpaid and quiet months), from the same admin row; defaults when blank or invalid.</summary>
    public LifecycleRules LifecycleRules { get; init; } = LifecycleRules.Default;

    /// <summary>
    /// The 催缴 ladder (reminder and call months from the same admin row; the visit at the lifecycle's churn-risk unpaid
    /// months, so the ladder and the flag agree); its defaults when blank or invalid.
    /// </summary>
    public CollectionLadderRules CollectionLadder { get; init; } = CollectionLadderRules.Default;

    /// <summary>Admin rows (or fields) left out because they were invalid; the defaults apply in their place.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>A points engine over <see cref="PointsRules"/>.</summary>
    public PointsEngine CreateEngine() => new(PointsRules);

    /// <summary>Whether a snapshot loaded at <see cref="LoadedOnUtc"/> may still be used at <paramref name="nowUtc"/>.</summary>
    public bool IsFreshAt(DateTime nowUtc, TimeSpan lifetime) => nowUtc >= LoadedOnUtc && nowUtc - LoadedOnUtc < lifetime;
}
