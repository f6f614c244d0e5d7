namespace PropertyCrm.Plugins.Logic.LoyaltySweeps;

/// <summary>What one sweep call did.</summary>
public sealed class LoyaltySweepResult
{
    public LoyaltySweepResult(int processed, int points, int changed, bool moreRecords, OwnerSweepToken? continuation)
    {
        Processed = processed;
        Points = points;
        Changed = changed;
        MoreRecords = moreRecords;
        Continuation = continuation;
    }

    /// <summary>Owners handled.</summary>
    public int Processed { get; }

    /// <summary>The sweep's own count: points expired (expiry), tasks created (care planner).</summary>
    public int Points { get; }

    /// <summary>Owners whose rows changed.</summary>
    public int Changed { get; }

    public bool MoreRecords { get; }

    public OwnerSweepToken? Continuation { get; }

    /// <summary>The same result with <see cref="Points"/> set.</summary>
    public LoyaltySweepResult WithPoints(int points) => new(Processed, points, Changed, MoreRecords, Continuation);
}
