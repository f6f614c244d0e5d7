using System.Globalization;
using PropertyCrm.Domain.Kpis;

namespace PropertyCrm.Simulation;

/// <summary>How a KPI value reads: rates as percentages, NPS as points, averages with two decimals, minutes whole.</summary>
public static class KpiFormat
{
    public static bool IsRate(KpiCode code) => KpiCatalog.Get(code).Scale == 1m && code is not (KpiCode.AverageSatisfaction or KpiCode.AverageResponseMinutes
        or KpiCode.ServqualReliability or KpiCode.ServqualResponsiveness or KpiCode.ServqualAssurance or KpiCode.ServqualEmpathy or KpiCode.ServqualTangibles);

    public static string Value(KpiCode code, decimal? value)
    {
        if (value is null)
        {
            return "—";
        }

        return code switch
        {
            KpiCode.Nps => value.Value.ToString("0.0", CultureInfo.InvariantCulture),
            KpiCode.AverageResponseMinutes => value.Value.ToString("0.0", CultureInfo.InvariantCulture) + " min",
            _ when IsRate(code) => (value.Value * 100m).ToString(code == KpiCode.ValidComplaintRate ? "0.00" : "0.0", CultureInfo.InvariantCulture) + "%",
            _ => value.Value.ToString("0.00", CultureInfo.InvariantCulture),
        };
    }

    public static string Target(KpiCode code, decimal? target)
    {
        if (target is null)
        {
            return "—";
        }

        var sign = KpiCatalog.Get(code).Direction == KpiDirection.HigherIsBetter ? "≥ " : "≤ ";
        return sign + Value(code, target);
    }
}
