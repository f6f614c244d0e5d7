namespace PropertyCrm.Domain.Lifecycle;

/// <summary>Actions the care and life-event rules suggest; staff decide and record what they did.</summary>
public enum SuggestedActionKind
{
    /// <summary>按时缴费+高频报修: remind the owner of maintenance and offer a preventive check.</summary>
    MaintenanceReminder = 1,

    /// <summary>欠费+低互动: a care plan — the butler's one-to-one contact before it becomes churn.</summary>
    CarePlan = 2,

    /// <summary>流失风险期: warning, 专属管家一对一沟通, retention plan.</summary>
    RetentionContact = 3,

    /// <summary>入住: the service-centre manager's welcome visit on day one.</summary>
    MoveInWelcomeVisit = 4,

    /// <summary>满六十大寿 and the later round ages (70, 80…): the service-centre head visits with a card (and 寿面).</summary>
    MilestoneBirthdayVisit = 5,

    /// <summary>新入住 sequence, first step: 装修协助, help with the renovation filing and works.</summary>
    RenovationAssistance = 6,

    /// <summary>新入住 sequence, second step: 邻里介绍, introduce the neighbours.</summary>
    NeighbourIntroduction = 7,

    /// <summary>新入住 sequence, last step: invite the owner to a 社区活动 community event.</summary>
    CommunityEventInvitation = 8,

    /// <summary>A newborn in the household: the butler's congratulation visit (满月).</summary>
    NewbornVisit = 9,

    /// <summary>独居老人: the butler's periodic check-in call.</summary>
    LivingAloneCheckIn = 10,

    /// <summary>催缴 ladder, second rung: the butler calls the owner about an unpaid bill (CollectionLadder).</summary>
    CollectionCall = 11,

    /// <summary>催缴 ladder, third rung: the butler visits the owner about an unpaid bill; the churn-risk flag is up.</summary>
    CollectionVisit = 12,
}
