namespace PropertyCrm.Schema.OptionSets;

/// <summary>Local choice Event Type (活动类型) of pcrm_communityevent.</summary>
public static class CommunityEventType
{
    public const string Name = "pcrm_communityevent_pcrm_eventtype";

    /// <summary>节日庆典 / Festival</summary>
    public const int Festival = 548210001;

    /// <summary>亲子活动 / Family</summary>
    public const int Family = 548210002;

    /// <summary>长者关怀 / Elderly Care</summary>
    public const int ElderlyCare = 548210003;

    /// <summary>体育健身 / Sports</summary>
    public const int Sports = 548210004;

    /// <summary>公益志愿 / Volunteering</summary>
    public const int Volunteering = 548210005;

    /// <summary>讲座课堂 / Talk or Class</summary>
    public const int TalkOrClass = 548210006;

    /// <summary>其他 / Other</summary>
    public const int Other = 548210007;
}
