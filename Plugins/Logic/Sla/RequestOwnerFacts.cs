namespace PropertyCrm.Plugins.Logic.Sla;

/// <summary>What a request copies from its owner when it is logged (<see cref="RequestSlaReads.Owner"/>).</summary>
public sealed class RequestOwnerFacts
{
    public RequestOwnerFacts(string tierCode, bool livesAlone)
    {
        TierCode = tierCode;
        LivesAlone = livesAlone;
    }

    /// <summary>The SLA tier code of the owner's tier.</summary>
    public string TierCode { get; }

    /// <summary>独居老人: the owner is an elderly person living alone.</summary>
    public bool LivesAlone { get; }
}
