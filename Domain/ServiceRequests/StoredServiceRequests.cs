using System;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Domain.ServiceRequests;

/// <summary>
/// The rules for reading a stored request and for what is written back: which facts a stored row stands for, the
/// precision Dataverse keeps, and when the state code is written.
/// </summary>
public static class StoredServiceRequests
{
    /// <summary>
    /// The policy-matching facts of a request being logged or edited: the type must be set
    /// (<see cref="ServiceRequestIntake.Facts"/>); no urgency means <see cref="Urgency.Normal"/>.
    /// </summary>
    /// <exception cref="DomainException"><see cref="ServiceRequestErrorCodes.RequestTypeRequired"/> without a request type.</exception>
    public static SlaRequestFacts Facts(RequestType? requestType, ServiceLine? serviceLine, Urgency? urgency, string? ownerTier) =>
        ServiceRequestIntake.Facts(requestType, serviceLine, urgency ?? Urgency.Normal, ownerTier);

    /// <summary>
    /// The facts of a stored request for the SLA sweep: a row without a request type is read as a repair, so the sweep
    /// keeps escalating a stored request rather than refuse it; no urgency means <see cref="Urgency.Normal"/>.
    /// </summary>
    public static SlaRequestFacts FactsOrRepair(RequestType? requestType, ServiceLine? serviceLine, Urgency? urgency, string? ownerTier) =>
        new(requestType ?? RequestType.Repair, serviceLine, urgency ?? Urgency.Normal, ownerTier);

    /// <summary>
    /// The state as Dataverse can store it: paused time in whole minutes on every clock
    /// (<see cref="StoredSlaClocks.WholeMinutesPaused"/>), so what is written is exactly what the next read rebuilds.
    /// </summary>
    public static ServiceRequestState ToStoredPrecision(ServiceRequestState state, DateTimeOffset now)
    {
        Guard.NotNull(state, nameof(state));
        return state with
        {
            FirstResponse = StoredSlaClocks.WholeMinutesPaused(state.FirstResponse, now),
            Resolution = StoredSlaClocks.WholeMinutesPaused(state.Resolution, now),
            OnSite = StoredSlaClocks.WholeMinutesPaused(state.OnSite, now),
        };
    }

    /// <summary>
    /// Whether a new request's state code is written with it: only for a final status (the platform creates a row
    /// active, so writing "active" would be a no-op that the create message does not need).
    /// </summary>
    public static bool WritesStateCodeOnCreate(RequestStatus status) => RequestLifecycle.IsFinal(status);
}
