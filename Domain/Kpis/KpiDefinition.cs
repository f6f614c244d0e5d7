namespace PropertyCrm.Domain.Kpis;

/// <summary>
/// One KPI: which way it improves, how its value follows from numerator and denominator (value = numerator ÷
/// denominator × <see cref="Scale"/>: 1 for rates and averages, 100 for NPS), and its default target with the source
/// of that number. A null <see cref="DefaultTarget"/>: no target in the documents; the row records no "met" until an
/// admin sets one for the property.
/// </summary>
public sealed record KpiDefinition(KpiCode Code, string Chinese, string English, KpiDirection Direction, decimal Scale, decimal? DefaultTarget, string Source)
{
    /// <summary>The value, rounded to 4 places; null when nothing was counted (denominator 0).</summary>
    public decimal? ValueOf(decimal numerator, decimal denominator) =>
        denominator == 0m ? null : decimal.Round(numerator / denominator * Scale, 4, System.MidpointRounding.AwayFromZero);

    /// <summary>Whether <paramref name="value"/> reaches <paramref name="target"/>; null without a value or a target.</summary>
    public bool? IsMet(decimal? value, decimal? target) =>
        value is null || target is null
            ? null
            : Direction == KpiDirection.HigherIsBetter ? value.Value >= target.Value : value.Value <= target.Value;
}
