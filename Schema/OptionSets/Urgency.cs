namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Urgency (紧急程度). 548210000 + the domain enum value.</summary>
public static class Urgency
{
    public const string Name = "pcrm_urgency";

    /// <summary>普通 / Normal</summary>
    public const int Normal = 548210000;

    /// <summary>加急 / Urgent</summary>
    public const int Urgent = 548210001;

    /// <summary>紧急 / Emergency</summary>
    public const int Emergency = 548210002;
}
