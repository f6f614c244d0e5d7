using System;
using System.Collections.Generic;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Domain.ServiceRequests;

/// <summary>
/// Repeat requests (重复报事): a request is a repeat when the same unit has already reported on the same service
/// line within the previous 30 days: the problem came back, or was never really fixed. It links to the most recent
/// earlier request and counts them all, so quality reviews can find units whose leaks keep returning.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Window: the half-open interval <c>[created − 30 days, created)</c>, in elapsed time (30 × 24 h), the same
/// for every calendar. A request logged exactly 30 days earlier counts; one logged at the same instant does not
/// (neither of two simultaneous requests is a repeat of the other).</item>
/// <item>Same unit and same service line, both required: a request without a unit or a service line (a payment, an
/// inquiry about the estate) is never a repeat and never repeated.</item>
/// <item>Every earlier request counts whatever its status, closed ones above all (the fix did not hold), except
/// cancelled ones, which were logged by mistake or twice.</item>
/// <item>The most recent earlier request wins the link; among equal creation times, the greater id, so the answer
/// does not depend on the order the candidates arrive in.</item>
/// <item>Repeat complaints (重复投诉) match differently: a complaint repeats an earlier <em>complaint</em> with the same
/// cause (投诉原因) from the same unit <em>or</em> the same owner, in the same window. The same owner complaining
/// about fees from two units, or two residents of one unit about noise, is one grievance coming back; the service line
/// does not matter (a parking complaint has none). A complaint without a cause, or with neither unit nor owner, is
/// never a repeat. Other requests never repeat a complaint's cause; a complaint is still a candidate for the
/// unit-and-service-line rule of a later repair, as before.</item>
/// </list>
/// </remarks>
public static class RepeatRule
{
    /// <summary>How far back an earlier request makes a new one a repeat.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <summary>The first instant of the window for a request created at <paramref name="createdOn"/> (inclusive).</summary>
    public static DateTimeOffset WindowStart(DateTimeOffset createdOn) => createdOn - Window;

    /// <summary>Whether <paramref name="request"/> repeats any of <paramref name="candidates"/>, and which.</summary>
    public static RepeatAssessment Assess(RequestForRepeat request, IEnumerable<RequestForRepeat> candidates)
    {
        Guard.NotNull(request, nameof(request));
        Guard.NotNull(candidates, nameof(candidates));

        var isComplaint = request.RequestType == RequestType.Complaint;
        if (isComplaint
            ? !request.ComplaintCause.HasValue || (!request.UnitId.HasValue && !request.ContactId.HasValue)
            : !request.UnitId.HasValue || !request.ServiceLine.HasValue)
        {
            return RepeatAssessment.None;
        }

        var from = WindowStart(request.CreatedOn);
        RequestForRepeat? latest = null;
        var count = 0;
        foreach (var candidate in candidates)
        {
            if (candidate is null || candidate.Id == request.Id || candidate.IsCancelled
                || !(isComplaint ? SameGrievance(request, candidate) : SameProblem(request, candidate))
                || candidate.CreatedOn < from || candidate.CreatedOn >= request.CreatedOn)
            {
                continue;
            }

            count++;
            if (latest is null || candidate.CreatedOn > latest.CreatedOn
                || (candidate.CreatedOn == latest.CreatedOn && candidate.Id.CompareTo(latest.Id) > 0))
            {
                latest = candidate;
            }
        }

        return latest is null ? RepeatAssessment.None : new RepeatAssessment(latest.Id, count);
    }

    /// <summary>Same unit, same service line (any type).</summary>
    private static bool SameProblem(RequestForRepeat request, RequestForRepeat candidate) =>
        candidate.UnitId == request.UnitId && candidate.ServiceLine == request.ServiceLine;

    /// <summary>An earlier complaint with the same cause, from the same unit or the same owner.</summary>
    private static bool SameGrievance(RequestForRepeat request, RequestForRepeat candidate) =>
        candidate.RequestType == RequestType.Complaint
        && candidate.ComplaintCause == request.ComplaintCause
        && ((request.UnitId.HasValue && candidate.UnitId == request.UnitId)
            || (request.ContactId.HasValue && candidate.ContactId == request.ContactId));
}

/// <summary>What <see cref="RepeatRule"/> needs to know about a request.</summary>
public sealed class RequestForRepeat
{
    public RequestForRepeat(
        Guid id,
        Guid? unitId,
        ServiceLine? serviceLine,
        DateTimeOffset createdOn,
        bool isCancelled = false,
        Guid? contactId = null,
        RequestType? requestType = null,
        ComplaintCause? complaintCause = null)
    {
        Id = id;
        ContactId = contactId;
        RequestType = requestType;
        ComplaintCause = complaintCause;
        UnitId = unitId;
        ServiceLine = serviceLine;
        CreatedOn = createdOn;
        IsCancelled = isCancelled;
    }

    public Guid Id { get; }

    public Guid? UnitId { get; }

    public ServiceLine? ServiceLine { get; }

    public DateTimeOffset CreatedOn { get; }

    public bool IsCancelled { get; }

    /// <summary>The owner who reported it (报事人).</summary>
    public Guid? ContactId { get; }

    public RequestType? RequestType { get; }

    /// <summary>The complaint's cause; only complaints have one.</summary>
    public ComplaintCause? ComplaintCause { get; }
}

/// <summary>The outcome: the earlier request this one repeats (null when none) and how many earlier ones there are.</summary>
public sealed class RepeatAssessment
{
    public static readonly RepeatAssessment None = new(null, 0);

    public RepeatAssessment(Guid? repeatOf, int count)
    {
        if (count < 0 || (count == 0) != !repeatOf.HasValue)
        {
            throw new ArgumentException("A repeat links to a request exactly when it counts at least one.", nameof(count));
        }

        RepeatOf = repeatOf;
        Count = count;
    }

    /// <summary>The most recent earlier request in the window.</summary>
    public Guid? RepeatOf { get; }

    /// <summary>Earlier requests for the same unit and service line (complaints: same cause, same unit or owner) in the window.</summary>
    public int Count { get; }

    public bool IsRepeat => RepeatOf.HasValue;
}
