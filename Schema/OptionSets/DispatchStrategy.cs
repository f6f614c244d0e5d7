namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Dispatch strategy (派工方式). 548210000 + the domain enum value.</summary>
public static class DispatchStrategy
{
    public const string Name = "pcrm_dispatchstrategy";

    /// <summary>最少负载 / Least Loaded</summary>
    public const int LeastLoaded = 548210000;

    /// <summary>轮流 / Round Robin</summary>
    public const int RoundRobin = 548210001;
}
