namespace PropertyCrm.Domain.Sla;

/// <summary>The target chosen for one KPI and the policy it came from (recorded on the request for audit).</summary>
public sealed class SlaPolicyMatch
{
    public SlaPolicyMatch(SlaTarget target, SlaPolicy policy)
    {
        Target = target;
        Policy = policy;
    }

    public SlaTarget Target { get; }

    public SlaPolicy Policy { get; }

    public SlaKpi Kpi => Target.Kpi;
}
