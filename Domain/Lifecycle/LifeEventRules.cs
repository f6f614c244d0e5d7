namespace PropertyCrm.Domain.Lifecycle;

/// <summary>
/// When the life-event visits and calls fall. The sources name the events (满六十大寿, the move-in day visit, 装修协助 →
/// 邻里介绍 → 社区活动 for new owners, 独居老人 check-ins); the days are the product's defaults, each explained.
/// </summary>
public sealed record LifeEventRules
{
    public static LifeEventRules Default { get; } = new LifeEventRules();

    /// <summary>The first round birthday marked with a visit: 满六十大寿.</summary>
    public int FirstMilestoneAge { get; init; } = 60;

    /// <summary>The round birthdays after it: every 10 years (70, 80, 90, 100…), as 整寿 are counted.</summary>
    public int MilestoneEveryYears { get; init; } = 10;

    /// <summary>装修协助 on day 7 (move-in day is day 1): owners file their renovation in the first week.</summary>
    public int RenovationAssistanceDay { get; init; } = 7;

    /// <summary>邻里介绍 on day 30: after the first month, once the owner has settled.</summary>
    public int NeighbourIntroductionDay { get; init; } = 30;

    /// <summary>社区活动 invitation on day 60, so the owner joins an event inside the 90-day new move-in period.</summary>
    public int CommunityEventInvitationDay { get; init; } = 60;

    /// <summary>The newborn visit on the 30th day after the birth (满月, the traditional first celebration).</summary>
    public int NewbornVisitAfterDays { get; init; } = 30;

    /// <summary>Days between check-in calls to an elderly owner living alone: weekly (the default).</summary>
    public int CheckInIntervalDays { get; init; } = 7;

    /// <summary>Tasks are created this many days before the occasion, so the card and 寿面 can be prepared.</summary>
    public int LeadDays { get; init; } = 3;

    /// <summary>A daily run missed for up to this many days still plans the occasions it missed (a later run does not).</summary>
    public int CatchUpDays { get; init; } = 7;

    /// <summary>Refuses numbers that cannot be applied.</summary>
    public LifeEventRules Validate()
    {
        if (FirstMilestoneAge < 1 || MilestoneEveryYears < 1
            || RenovationAssistanceDay < 1 || NeighbourIntroductionDay < 1 || CommunityEventInvitationDay < 1
            || NewbornVisitAfterDays < 0 || CheckInIntervalDays < 1 || LeadDays < 0 || CatchUpDays < 0)
        {
            throw new DomainException(
                LifecycleErrorCodes.InvalidRules,
                "生活事件关怀规则无效 / The life-event care rules are invalid.");
        }

        return this;
    }
}
