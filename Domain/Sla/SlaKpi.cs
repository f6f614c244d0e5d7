namespace PropertyCrm.Domain.Sla;

/// <summary>The two service-level measures every request carries. Persisted: never renumber.</summary>
public enum SlaKpi
{
    /// <summary>首次响应: the request is acknowledged and someone is on it (for repairs: 报修响应).</summary>
    FirstResponse = 0,

    /// <summary>解决: the request is resolved (for complaints: a solution is given).</summary>
    Resolution = 1,
}
