namespace PropertyCrm.Domain.Lifecycle;

/// <summary>Stable codes for why a stage, flag or suggested action applies.</summary>
public static class LifecycleReasonCodes
{
    public const string NewMoveIn = "lifecycle.stage.new-move-in";
    public const string Stable = "lifecycle.stage.stable";
    public const string ChurnRisk = "lifecycle.stage.churn-risk";
    public const string ChurnedMovedOut = "lifecycle.stage.churned-moved-out";
    public const string ChurnedUnpaid = "lifecycle.stage.churned-unpaid";
    public const string FlagRaised = "lifecycle.flag.raised";
    public const string FlagCleared = "lifecycle.flag.cleared";
    public const string MaintenanceReminder = "care.maintenance-reminder";
    public const string CarePlan = "care.care-plan";
    public const string RetentionContact = "care.retention-contact";
    public const string MoveInWelcomeVisit = "life-event.move-in-welcome";
    public const string MilestoneBirthdayVisit = "life-event.milestone-birthday";
    public const string RenovationAssistance = "life-event.renovation-assistance";
    public const string NeighbourIntroduction = "life-event.neighbour-introduction";
    public const string CommunityEventInvitation = "life-event.community-event-invitation";
    public const string NewbornVisit = "life-event.newborn-visit";
    public const string LivingAloneCheckIn = "care.living-alone-check-in";
}
