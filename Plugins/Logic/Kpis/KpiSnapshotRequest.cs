using System.Collections.Generic;
using PropertyCrm.Domain.Kpis;
using PropertyCrm.Plugins.Logic.Sweep;

namespace PropertyCrm.Plugins.Logic.Kpis;

/// <summary>One call of the KPI snapshot: the months to compute (oldest first) and where a previous call stopped.</summary>
public sealed record KpiSnapshotRequest(IReadOnlyList<KpiMonth> Months, SweepContinuation? Continuation);
