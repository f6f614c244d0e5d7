namespace PropertyCrm.Domain.Sla;

/// <summary>How fast a request must be handled. Ordered: a higher value is more urgent. Persisted: never renumber.</summary>
public enum Urgency
{
    /// <summary>普通.</summary>
    Normal = 0,

    /// <summary>加急.</summary>
    Urgent = 1,

    /// <summary>紧急: danger to people or property (leak, power cut, trapped in a lift, gas, fire, medical). Runs 24×7.</summary>
    Emergency = 2,
}
