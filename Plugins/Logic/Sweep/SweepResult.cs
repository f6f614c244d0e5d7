namespace PropertyCrm.Plugins.Logic.Sweep;

/// <summary>What one sweep call did.</summary>
public sealed class SweepResult
{
    public SweepResult(int processed, int escalated, int pages, bool moreRecords, SweepContinuation? continuation)
    {
        Processed = processed;
        Escalated = escalated;
        Pages = pages;
        MoreRecords = moreRecords;
        Continuation = continuation;
    }

    /// <summary>Due requests and overdue recovery cases looked at (re-read, reviewed and written back).</summary>
    public int Processed { get; }

    /// <summary>Escalation rows created.</summary>
    public int Escalated { get; }

    /// <summary>Index queries run.</summary>
    public int Pages { get; }

    /// <summary>The budget ran out with due requests or cases left: call again with <see cref="Continuation"/>.</summary>
    public bool MoreRecords { get; }

    /// <summary>Where to resume (more records), else the last row processed; null when none was.</summary>
    public SweepContinuation? Continuation { get; }
}
