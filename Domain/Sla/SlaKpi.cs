namespace PropertyCrm.Domain.Sla;

/// <summary>The service-level measures a request carries. Persisted: never renumber.</summary>
public enum SlaKpi
{
    /// <summary>首次响应: the request is acknowledged and someone is on it (for repairs: 报修响应).</summary>
    FirstResponse = 0,

    /// <summary>解决: the request is resolved (for complaints: a solution is given).</summary>
    Resolution = 1,

    /// <summary>
    /// 到场/初步处理: the technician is on site (repairs, emergencies) or the complaint has its initial handling
    /// (初步处理); met when arrived on is recorded.
    /// </summary>
    OnSite = 2,
}
