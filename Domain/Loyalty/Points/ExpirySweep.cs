using System;
using System.Collections.Generic;

namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>
/// The lots past their expiry at <see cref="At"/> and the Expire entries that close them, in FIFO order,
/// ready to append. Running the sweep again after appending finds nothing: it is idempotent by construction.
/// </summary>
public sealed record ExpirySweep(DateTimeOffset At, IReadOnlyList<PointsLedgerEntry> Entries, IReadOnlyList<PointsLot> ExpiredLots, int ExpiredPoints);
