namespace PropertyCrm.Tests.ServiceRequests.Sweep;

/// <summary>What one sweep call reported.</summary>
internal sealed class SweepOutcome
{
    public SweepOutcome(int processed, int escalated, bool moreRecords, string token)
    {
        Processed = processed;
        Escalated = escalated;
        MoreRecords = moreRecords;
        Token = token;
    }

    public int Processed { get; }

    public int Escalated { get; }

    public bool MoreRecords { get; }

    public string Token { get; }

    public override string ToString() => $"processed {Processed}, escalated {Escalated}, more {MoreRecords}, token '{Token}'";
}
