using PropertyCrm.Domain.Lifecycle;

namespace PropertyCrm.Plugins.Mapping;

/// <summary>The bilingual label of each care event, as the choice <c>pcrm_careoccasion.pcrm_event</c> shows it, for task subjects.</summary>
public static class CareEventLabels
{
    public static string Of(SuggestedActionKind kind) => kind switch
    {
        SuggestedActionKind.MaintenanceReminder => "维保提醒 / Maintenance reminder",
        SuggestedActionKind.CarePlan => "关怀计划 / Care plan",
        SuggestedActionKind.RetentionContact => "挽留沟通 / Retention contact",
        SuggestedActionKind.MoveInWelcomeVisit => "入住欢迎拜访 / Move-in welcome visit",
        SuggestedActionKind.MilestoneBirthdayVisit => "整寿拜访 / Milestone birthday visit",
        SuggestedActionKind.RenovationAssistance => "装修协助 / Renovation assistance",
        SuggestedActionKind.NeighbourIntroduction => "邻里介绍 / Neighbour introduction",
        SuggestedActionKind.CommunityEventInvitation => "社区活动邀请 / Community event invitation",
        SuggestedActionKind.NewbornVisit => "新生儿关怀 / Newborn visit",
        SuggestedActionKind.LivingAloneCheckIn => "独居老人问候 / Living-alone check-in call",
        SuggestedActionKind.CollectionCall => "催缴电话 / Collection call",
        SuggestedActionKind.CollectionVisit => "催缴上门 / Collection visit",
        _ => kind.ToString(),
    };

    /// <summary>Urgent care (retention, an elderly owner living alone, arrears, the 催缴 visit) is high priority; the rest normal.</summary>
    public static int PriorityOf(SuggestedActionKind kind) => kind switch
    {
        SuggestedActionKind.RetentionContact or SuggestedActionKind.LivingAloneCheckIn or SuggestedActionKind.CarePlan or SuggestedActionKind.CollectionVisit => TaskActivity.Priorities.High,
        _ => TaskActivity.Priorities.Normal,
    };
}
