namespace PropertyCrm.Domain.Sla;

/// <summary>Where one KPI stands. Persisted: never renumber.</summary>
public enum SlaStatus
{
    /// <summary>Running, before the warning threshold.</summary>
    InProgress = 0,

    /// <summary>Running, warning threshold reached, deadline not yet passed.</summary>
    Warning = 1,

    /// <summary>The deadline passed before completion (running, or completed late).</summary>
    Breached = 2,

    /// <summary>Stopped while waiting on the owner (待业主确认, 业主不在家); deadlines move on resume.</summary>
    Paused = 3,

    /// <summary>Completed at or before the deadline.</summary>
    Met = 4,
}
