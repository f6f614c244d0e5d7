namespace PropertyCrm.Domain.Sla;

/// <summary>One KPI of an <see cref="SlaPlan"/>: the policy that sets it and the clock as it starts.</summary>
public sealed class SlaPlanItem
{
    public SlaPlanItem(SlaPolicy policy, SlaClock clock)
    {
        Policy = policy;
        Clock = clock;
    }

    public SlaPolicy Policy { get; }

    public SlaClock Clock { get; }
}
