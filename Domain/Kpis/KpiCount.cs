namespace PropertyCrm.Domain.Kpis;

/// <summary>What one KPI counted for one property and month; the value follows from the definition.</summary>
public sealed record KpiCount(KpiCode Code, decimal Numerator, decimal Denominator);
