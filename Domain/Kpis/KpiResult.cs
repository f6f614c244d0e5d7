namespace PropertyCrm.Domain.Kpis;

/// <summary>One snapshot row's values: the count, the value it gives, the target in force and whether it was met.</summary>
public sealed record KpiResult(KpiCode Code, decimal Numerator, decimal Denominator, decimal? Value, decimal? Target, bool? Met)
{
    /// <summary>Evaluates <paramref name="count"/> against the property's override, or the default target.</summary>
    public static KpiResult Of(KpiCount count, decimal? overrideTarget)
    {
        Guard.NotNull(count, nameof(count));
        var definition = KpiCatalog.Get(count.Code);
        var value = definition.ValueOf(count.Numerator, count.Denominator);
        var target = overrideTarget ?? definition.DefaultTarget;
        return new KpiResult(count.Code, count.Numerator, count.Denominator, value, target, definition.IsMet(value, target));
    }
}
