namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Fix Verification (问题是否解决): the first question of a 回访.</summary>
public static class FixVerification
{
    public const string Name = "pcrm_fixverification";

    /// <summary>已解决 / Fixed</summary>
    public const int Fixed = 548210000;

    /// <summary>未解决 / Not fixed</summary>
    public const int NotFixed = 548210001;

    /// <summary>部分解决 / Partly fixed</summary>
    public const int PartlyFixed = 548210002;
}
