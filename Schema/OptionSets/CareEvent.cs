namespace PropertyCrm.Schema.OptionSets;

/// <summary>Local choice Care Event (关怀事件) of pcrm_careoccasion. Values: 548210000 + the domain enum value (SuggestedActionKind).</summary>
public static class CareEvent
{
    public const string Name = "pcrm_careoccasion_pcrm_event";

    /// <summary>维保提醒 / Maintenance Reminder</summary>
    public const int MaintenanceReminder = 548210001;

    /// <summary>关怀计划 / Care Plan</summary>
    public const int CarePlan = 548210002;

    /// <summary>挽留沟通 / Retention Contact</summary>
    public const int RetentionContact = 548210003;

    /// <summary>入住欢迎拜访 / Move-in Welcome Visit</summary>
    public const int MoveInWelcomeVisit = 548210004;

    /// <summary>整寿拜访 / Milestone Birthday Visit</summary>
    public const int MilestoneBirthdayVisit = 548210005;

    /// <summary>装修协助 / Renovation Assistance</summary>
    public const int RenovationAssistance = 548210006;

    /// <summary>邻里介绍 / Neighbour Introduction</summary>
    public const int NeighbourIntroduction = 548210007;

    /// <summary>社区活动邀请 / Community Event Invitation</summary>
    public const int CommunityEventInvitation = 548210008;

    /// <summary>新生儿关怀 / Newborn Visit</summary>
    public const int NewbornVisit = 548210009;

    /// <summary>独居老人问候 / Living-alone Check-in Call</summary>
    public const int LivingAloneCheckIn = 548210010;

    /// <summary>催缴电话 / Collection Call</summary>
    public const int CollectionCall = 548210011;

    /// <summary>催缴上门 / Collection Visit</summary>
    public const int CollectionVisit = 548210012;
}
