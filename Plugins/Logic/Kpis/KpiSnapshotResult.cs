using PropertyCrm.Plugins.Logic.Sweep;

namespace PropertyCrm.Plugins.Logic.Kpis;

/// <summary>What one call did: property-months computed, snapshot rows written, and where to resume when the budget ran out.</summary>
public sealed record KpiSnapshotResult(int Processed, int RowsWritten, bool MoreRecords, SweepContinuation? Continuation);
