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

    /// <summary>满六十大寿: the service-centre head visits with a card.</summary>
    SixtiethBirthdayVisit = 5,
}
