namespace PropertyCrm.Domain.ServiceRequests;

/// <summary>Stable <see cref="DomainException.Code"/> values for service-request rules; branch on these, never on messages.</summary>
public static class ServiceRequestErrorCodes
{
    public const string InvalidTransition = "request.status.invalid-transition";
    public const string FollowUpRequired = "request.close.follow-up-required";
    public const string FollowUpRemoved = "request.close.follow-up-removed";
    public const string RequestTypeRequired = "request.type-required";
    public const string UnknownStatus = "request.status.unknown";
    public const string ArrivalRemoved = "request.arrival-removed";
    public const string RepairNotWorked = "request.resolve.repair-not-worked";
    public const string WorkDoneRequired = "request.resolve.work-done-required";
    public const string NotAComplaint = "request.complaint.not-a-complaint";
    public const string ComplaintCauseRequired = "request.complaint.cause-required";
    public const string ValidComplaintReasonRequired = "request.complaint.valid-reason-required";
    public const string ResponseMinutesSystemColumn = "request.response-minutes.system-column";
}
