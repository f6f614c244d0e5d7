namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>What an award attempt came to. Only <see cref="Awarded"/> produces an entry to append.</summary>
public enum EarnOutcome
{
    /// <summary>A new Earn entry (possibly cut to the monthly cap).</summary>
    Awarded = 1,

    /// <summary>This source already earned under this rule; the existing entry is returned, nothing is added.</summary>
    AlreadyApplied = 2,

    /// <summary>The monthly cap for the rule is used up.</summary>
    CapReached = 3,

    /// <summary>The event earns nothing: no rule for it (service requests, late payments), rule switched off,
    /// too small to round to a point, or too old to still be valid.</summary>
    NotEarning = 4,
}
