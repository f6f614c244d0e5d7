namespace PropertyCrm.Domain.ServiceRequests.Dispatch;

/// <summary>How a dispatch rule that targets a team picks one of its members.</summary>
public enum DispatchStrategy
{
    /// <summary>最少负载: the member with the fewest open requests assigned; ties by the smaller user id.</summary>
    LeastLoaded = 0,

    /// <summary>轮流: the member after the one the rule assigned last, in user id order, wrapping round.</summary>
    RoundRobin = 1,
}
