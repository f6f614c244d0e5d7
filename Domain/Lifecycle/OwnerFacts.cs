using System;
using System.Collections.Generic;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Fees;

namespace PropertyCrm.Domain.Lifecycle;

/// <summary>
/// What the lifecycle, care and life-event rules know about one owner, all as China dates. For an owner of
/// several units, the caller passes the earliest current move-in and a move-out only when every occupancy
/// has ended.
/// </summary>
public sealed record OwnerFacts
{
    /// <param name="moveInOn">Move-in (入住) date of the current occupancy.</param>
    /// <param name="fees">Fee standing on the evaluation date.</param>
    public OwnerFacts(ChinaDate moveInOn, FeeStanding fees)
    {
        Fees = Guard.NotNull(fees, nameof(fees));
        MoveInOn = moveInOn;
    }

    public ChinaDate MoveInOn { get; }

    public FeeStanding Fees { get; }

    /// <summary>The day the occupancy ended (the owner no longer lives there from this date); null while it lasts.</summary>
    public ChinaDate? MoveOutOn { get; init; }

    public ChinaDate? BirthDate { get; init; }

    /// <summary>独居老人: the owner lives alone and gets periodic check-in calls.</summary>
    public bool LivesAlone { get; init; }

    /// <summary>Days between check-in calls to an owner living alone; null for the rules' default.</summary>
    public int? CheckInIntervalDays { get; init; }

    /// <summary>The birth date of a newborn in the household, or null.</summary>
    public ChinaDate? NewbornOn { get; init; }

    public IReadOnlyList<ServiceRequestFact> ServiceRequests { get; init; } = Array.Empty<ServiceRequestFact>();

    /// <summary>Dates of other interactions: events attended, surveys answered, suggestions, APP sign-ins.</summary>
    public IReadOnlyList<ChinaDate> ActivityDates { get; init; } = Array.Empty<ChinaDate>();

    /// <summary>The latest service request opened on or before <paramref name="asOf"/>, or null.</summary>
    public ChinaDate? LastServiceRequestOn(ChinaDate asOf)
    {
        ChinaDate? latest = null;
        foreach (var request in ServiceRequests)
        {
            if (request.OpenedOn <= asOf && (latest is not ChinaDate soFar || request.OpenedOn > soFar))
            {
                latest = request.OpenedOn;
            }
        }

        return latest;
    }

    /// <summary>Whether the owner still lives there on <paramref name="date"/>.</summary>
    public bool IsResidentOn(ChinaDate date) => MoveInOn <= date && (MoveOutOn is not ChinaDate end || date < end);
}
