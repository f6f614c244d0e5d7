namespace PropertyCrm.Schema.OptionSets;

/// <summary>Global choice Tier Trigger (等级评定触发). Why the tier was evaluated: events only upgrade; the periodic review may also go down one level. Values: 548210000 + the domain enum value (TierTrigger, 0-based: Event = 548210000).</summary>
public static class TierTrigger
{
    public const string Name = "pcrm_tiertrigger";

    /// <summary>事件触发 / Event</summary>
    public const int Event = 548210000;

    /// <summary>定期评审 / Periodic Review</summary>
    public const int PeriodicReview = 548210001;
}
