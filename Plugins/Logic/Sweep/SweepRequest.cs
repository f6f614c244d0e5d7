using System;
using PropertyCrm.Domain;
using PropertyCrm.Plugins.Mapping;

namespace PropertyCrm.Plugins.Logic.Sweep;

/// <summary>What one sweep call is asked to do.</summary>
public sealed class SweepRequest
{
    public SweepRequest(DateTime nowUtc, int pageSize, SweepContinuation? continuation)
    {
        NowUtc = DataverseTime.ToUtc(nowUtc);
        PageSize = Guard.InRange(pageSize, 1, SlaSweep.MaxPageSize, nameof(pageSize));
        Continuation = continuation;
    }

    /// <summary>The operation's time (OperationCreatedOn): requests due at or before it are swept.</summary>
    public DateTime NowUtc { get; }

    public int PageSize { get; }

    public SweepContinuation? Continuation { get; }
}
