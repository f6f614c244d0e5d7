namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>
/// How many points one kind of activity earns. Fee payments earn <see cref="PointsPerYuan"/> per CNY paid on
/// time; every other rule earns <see cref="PointsPerEvent"/>. After the tier multiplier the result is rounded
/// down, then cut to what is left of <see cref="MonthlyCap"/>.
/// </summary>
public sealed record EarnRule
{
    public EarnRule(EarnRuleCode code)
    {
        Code = code;
    }

    public EarnRuleCode Code { get; }

    /// <summary>Points per occurrence; used by every rule except <see cref="EarnRuleCode.OnTimeFeePayment"/>.</summary>
    public int PointsPerEvent { get; init; }

    /// <summary>Points per CNY; used by <see cref="EarnRuleCode.OnTimeFeePayment"/> only.</summary>
    public decimal PointsPerYuan { get; init; }

    /// <summary>
    /// Most points this rule may award in one China calendar month (of the event), counted after multipliers;
    /// null for no cap. Awards that were reversed do not count.
    /// </summary>
    public int? MonthlyCap { get; init; }

    public TierMultipliers Multipliers { get; init; } = TierMultipliers.None;

    /// <summary>Switched-off rules award nothing and say so.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>First APP use can only happen once, so its key ignores the source record.</summary>
    public bool OncePerOwner => IsOncePerOwner(Code);

    /// <summary>Whether <paramref name="code"/> can be earned only once per owner, ever.</summary>
    public static bool IsOncePerOwner(EarnRuleCode code) => code == EarnRuleCode.FirstAppUse;

    /// <summary>Whether the rule rewards activity (engagement) rather than fees; only these count for tiers.</summary>
    public static bool IsActivity(EarnRuleCode code) => code != EarnRuleCode.OnTimeFeePayment;
}
