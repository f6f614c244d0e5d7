using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Domain.ServiceRequests;

/// <summary>
/// What a request needs on record before it is resolved, beyond the path (<see cref="RequestLifecycle.EnsurePathAllowed"/>):
/// <list type="bullet">
/// <item>a complaint its cause: complaint statistics by cause are what the quality review reads, and the repeat rule
/// links complaints by cause;</item>
/// <item>a repair its work done (维修记录, the resolution notes): what the technician found and fixed, which the 回访
/// follow-up reads back to the owner and a reopened repair starts from.</item>
/// </list>
/// Checked when the status changes to Resolved; a request already resolved is not re-checked.
/// </summary>
public static class ResolutionRules
{
    /// <summary>What moving to <paramref name="to"/> needs on record: a complaint's cause, a repair's work done.</summary>
    /// <exception cref="DomainException"><see cref="ServiceRequestErrorCodes.ComplaintCauseRequired"/>,
    /// <see cref="ServiceRequestErrorCodes.WorkDoneRequired"/>.</exception>
    public static void EnsureReadyToResolve(RequestType? type, RequestStatus from, RequestStatus to, ComplaintDetails details, string? workDone)
    {
        Guard.NotNull(details, nameof(details));
        if (to != RequestStatus.Resolved || from == to)
        {
            return;
        }

        if (type == RequestType.Complaint && !details.Cause.HasValue)
        {
            throw new DomainException(
                ServiceRequestErrorCodes.ComplaintCauseRequired,
                "投诉解决前必须填写投诉原因 / A complaint needs its cause recorded before it is resolved.");
        }

        if (type == RequestType.Repair && string.IsNullOrWhiteSpace(workDone))
        {
            throw new DomainException(
                ServiceRequestErrorCodes.WorkDoneRequired,
                "报修解决前必须填写维修记录(处理过程与结果) / A repair needs its work done (what was found and fixed) recorded before it is resolved.");
        }
    }
}
