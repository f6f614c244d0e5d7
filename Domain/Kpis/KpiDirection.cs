namespace PropertyCrm.Domain.Kpis;

/// <summary>Which way a KPI improves: decides "met" against its target.</summary>
public enum KpiDirection
{
    /// <summary>Met when the value is at or above the target (rates of good outcomes, NPS, averages).</summary>
    HigherIsBetter = 0,

    /// <summary>Met when the value is at or below the target (response time, rework, repeats, valid complaints).</summary>
    LowerIsBetter = 1,
}
