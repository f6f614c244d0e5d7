using System;
using System.Collections.Generic;
using System.Linq;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Domain.ServiceRequests;

/// <summary>
/// What the lifecycle rules need to know about one service request: its status, the timestamps each status change
/// records, the 回访 follow-up, and its SLA clocks (first response, resolution, on-site / initial handling; null when
/// no policy sets one).
/// Immutable and clock-free: <see cref="MoveTo"/>, <see cref="Observe"/> and <see cref="Retarget"/> take <c>now</c>
/// and return a new state.
/// </summary>
/// <remarks>
/// What each change records (<see cref="MoveTo"/>); leaving <see cref="RequestStatus.WaitingOnOwner"/> first resumes
/// the paused clocks, so the working time spent waiting moves their deadlines later:
/// <list type="table">
/// <listheader><term>to</term><description>records</description></listheader>
/// <item><term>Accepted</term><description>accepted on (first time only); the first-response clock completes: met at or
/// before its deadline, otherwise breached (breached on = the deadline).</description></item>
/// <item><term>Dispatched</term><description>dispatched on (first time only).</description></item>
/// <item><term>InProgress</term><description>from Dispatched: arrived on (first time only, the technician on site); the
/// on-site clock completes at arrived on (see also <see cref="RecordArrival"/>).
/// From Resolved (reopen): resolved on is cleared and the resolution clock runs again from its original start, so
/// the time the "fix" held counts against the target; a breach stays a breach.</description></item>
/// <item><term>WaitingOnOwner</term><description>paused on; every running clock pauses.</description></item>
/// <item><term>Resolved</term><description>resolved on; the resolution clock completes (and the first-response and
/// on-site clocks, should they still run, with accepted on and arrived on).</description></item>
/// <item><term>Closed</term><description>closed on. Refused unless the follow-up is recorded (follow-up on).</description></item>
/// <item><term>Cancelled</term><description>nothing: the clocks keep the outcome they had, and no escalation comes.</description></item>
/// </list>
/// </remarks>
public sealed record ServiceRequestState
{
    private static readonly EscalationLevel[] NothingRecorded = Array.Empty<EscalationLevel>();

    public RequestStatus Status { get; init; }

    public DateTimeOffset? AcceptedOn { get; init; }

    public DateTimeOffset? DispatchedOn { get; init; }

    public DateTimeOffset? ArrivedOn { get; init; }

    public DateTimeOffset? ResolvedOn { get; init; }

    public DateTimeOffset? ClosedOn { get; init; }

    /// <summary>Set while waiting on the owner.</summary>
    public DateTimeOffset? PausedOn { get; init; }

    /// <summary>When the 回访 follow-up was made; closing requires it.</summary>
    public DateTimeOffset? FollowUpOn { get; init; }

    public SlaClock? FirstResponse { get; init; }

    public SlaClock? Resolution { get; init; }

    /// <summary>到场/初步处理: on site (repairs, emergencies) or initial handling (complaints); met when arrived on is recorded.</summary>
    public SlaClock? OnSite { get; init; }

    /// <summary>The clocks the request has, in KPI order (first response, resolution, on-site).</summary>
    public IEnumerable<SlaClock> Clocks => new[] { FirstResponse, Resolution, OnSite }.Where(c => c is not null).Select(c => c!);

    /// <summary>
    /// The sweep's index (<c>pcrm_nextescalationon</c>): the earliest instant an escalation rung of a running clock is
    /// due, counting none as recorded (<see cref="NextEscalation"/>): the plug-in does not read escalation rows, and a
    /// rung already raised only costs the sweep a look that finds nothing new. Null when the request is closed or
    /// cancelled, or no clock is running (all completed or paused).
    /// </summary>
    public DateTimeOffset? NextEscalationOn =>
        RequestLifecycle.IsFinal(Status) ? null : NextEscalation.Earliest(Clocks.Select(c => NextEscalation.Of(c, NothingRecorded)));

    /// <summary>A new request: status New, every matched target's clock started at <paramref name="now"/>.</summary>
    /// <exception cref="DomainException">A target names a calendar the catalog lacks, or the calendar does not cover the dates.</exception>
    public static ServiceRequestState Open(IReadOnlyList<SlaPolicyMatch> targets, BusinessCalendarCatalog calendars, DateTimeOffset now)
    {
        Guard.NotNull(targets, nameof(targets));
        Guard.NotNull(calendars, nameof(calendars));

        return new ServiceRequestState
        {
            Status = RequestStatus.New,
            FirstResponse = StartClock(targets, SlaKpi.FirstResponse, calendars, now),
            Resolution = StartClock(targets, SlaKpi.Resolution, calendars, now),
            OnSite = StartClock(targets, SlaKpi.OnSite, calendars, now),
        };
    }

    /// <summary>The name to record for the targets: the policy's, or "first-response policy / resolution policy" when they differ.</summary>
    public static string? PolicyName(IReadOnlyList<SlaPolicyMatch> targets)
    {
        Guard.NotNull(targets, nameof(targets));

        var names = targets.Select(t => t.Policy.Name).Distinct(StringComparer.Ordinal).ToArray();
        return names.Length == 0 ? null : string.Join(" / ", names);
    }

    /// <summary>Changes the status at <paramref name="now"/> and records what the change means (see the class remarks).</summary>
    /// <exception cref="DomainException">
    /// <see cref="ServiceRequestErrorCodes.InvalidTransition"/>, <see cref="ServiceRequestErrorCodes.FollowUpRequired"/>, or a clock
    /// refusing a time before its last change.
    /// </exception>
    public ServiceRequestState MoveTo(RequestStatus to, DateTimeOffset now)
    {
        if (to == Status)
        {
            return this;
        }

        RequestLifecycle.EnsureAllowed(Status, to);
        if (to == RequestStatus.Closed && FollowUpOn is null)
        {
            throw new DomainException(
                ServiceRequestErrorCodes.FollowUpRequired,
                "关闭报事前须完成回访并填写回访时间 / A service request can be closed only after the follow-up call (回访) is recorded (follow-up on).");
        }

        var next = Status == RequestStatus.WaitingOnOwner
            ? this with { PausedOn = null, FirstResponse = Resume(FirstResponse, now), Resolution = Resume(Resolution, now), OnSite = Resume(OnSite, now) }
            : this;
        switch (to)
        {
            case RequestStatus.Accepted:
                next = next with { AcceptedOn = next.AcceptedOn ?? now, FirstResponse = Complete(next.FirstResponse, now) };
                break;
            case RequestStatus.Dispatched:
                next = next with { DispatchedOn = next.DispatchedOn ?? now };
                break;
            case RequestStatus.InProgress when Status == RequestStatus.Dispatched:
                next = next.RecordArrival(next.ArrivedOn ?? now, now);
                break;
            case RequestStatus.InProgress when Status == RequestStatus.Resolved:
                next = next with { ResolvedOn = null, Resolution = Reopen(next.Resolution, now) };
                break;
            case RequestStatus.WaitingOnOwner:
                next = next with
                {
                    PausedOn = now,
                    FirstResponse = Pause(next.FirstResponse, now),
                    Resolution = Pause(next.Resolution, now),
                    OnSite = Pause(next.OnSite, now),
                };
                break;
            case RequestStatus.Resolved:
                next = next.OnSite is { IsCompleted: false } ? next.RecordArrival(next.ArrivedOn ?? now, now) : next;
                next = next with
                {
                    AcceptedOn = next.AcceptedOn ?? now,
                    ResolvedOn = now,
                    FirstResponse = Complete(next.FirstResponse, now),
                    Resolution = Complete(next.Resolution, now),
                };
                break;
            case RequestStatus.Closed:
                next = next with { ClosedOn = now };
                break;
        }

        return next with { Status = to };
    }

    /// <summary>Records the follow-up time; a closed request cannot lose it.</summary>
    /// <exception cref="DomainException"><see cref="ServiceRequestErrorCodes.FollowUpRemoved"/>.</exception>
    public ServiceRequestState WithFollowUp(DateTimeOffset? followUpOn)
    {
        if (followUpOn is null && Status == RequestStatus.Closed)
        {
            throw new DomainException(
                ServiceRequestErrorCodes.FollowUpRemoved,
                "已关闭的报事不能清除回访时间 / The follow-up time of a closed service request cannot be removed.");
        }

        return this with { FollowUpOn = followUpOn };
    }

    /// <summary>
    /// Records arrival on site (for a complaint: its initial handling) at <paramref name="arrivedOn"/>: the on-site
    /// clock, while running, completes then (met at or before its deadline), taken no earlier than the clock's start or
    /// pause and no later than <paramref name="now"/>. A completed clock keeps its outcome when the time is corrected.
    /// </summary>
    /// <exception cref="DomainException"><see cref="ServiceRequestErrorCodes.ArrivalRemoved"/> when it is cleared after the on-site clock completed.</exception>
    public ServiceRequestState RecordArrival(DateTimeOffset? arrivedOn, DateTimeOffset now)
    {
        if (arrivedOn is null)
        {
            if (OnSite?.IsCompleted == true)
            {
                throw new DomainException(
                    ServiceRequestErrorCodes.ArrivalRemoved,
                    "到场时间已计入到场时效,不能清除 / The arrival time counts for the on-site SLA and cannot be removed.");
            }

            return this with { ArrivedOn = null };
        }

        if (OnSite is null || OnSite.IsCompleted)
        {
            return this with { ArrivedOn = arrivedOn };
        }

        var at = arrivedOn.Value > now ? now : arrivedOn.Value;
        var earliest = OnSite.PausedAt ?? OnSite.StartedAt;
        return this with { ArrivedOn = arrivedOn, OnSite = OnSite.Complete(at < earliest ? earliest : at) };
    }

    /// <summary>Records what <paramref name="now"/> shows on the running clocks (warning reached, breach).</summary>
    public ServiceRequestState Observe(DateTimeOffset now) =>
        this with { FirstResponse = ObserveClock(FirstResponse, now), Resolution = ObserveClock(Resolution, now), OnSite = ObserveClock(OnSite, now) };

    /// <summary>
    /// New targets (after the urgency, type, service line, tier or property changed) while the first response is
    /// still due: both clocks restart from the original start with the new targets, so the request is judged as if it
    /// had been logged with the right facts. Once the first response is given the promise stands and nothing
    /// changes: re-targeting then would let a late request escape its breach.
    /// </summary>
    public ServiceRequestState Retarget(IReadOnlyList<SlaPolicyMatch> targets, BusinessCalendarCatalog calendars, DateTimeOffset now)
    {
        Guard.NotNull(targets, nameof(targets));
        Guard.NotNull(calendars, nameof(calendars));

        if (!CanRetarget)
        {
            return this;
        }

        var startedAt = FirstResponse?.StartedAt ?? Resolution?.StartedAt ?? OnSite?.StartedAt ?? now;
        return this with
        {
            FirstResponse = ObserveClock(StartClock(targets, SlaKpi.FirstResponse, calendars, startedAt), now),
            Resolution = ObserveClock(StartClock(targets, SlaKpi.Resolution, calendars, startedAt), now),
            OnSite = ObserveClock(StartClock(targets, SlaKpi.OnSite, calendars, startedAt), now),
        };
    }

    /// <summary>True while the first response is still due: the only time new facts change the targets.</summary>
    public bool CanRetarget => Status == RequestStatus.New && AcceptedOn is null && FirstResponse?.IsCompleted != true;

    private static SlaClock? StartClock(IReadOnlyList<SlaPolicyMatch> targets, SlaKpi kpi, BusinessCalendarCatalog calendars, DateTimeOffset startedAt)
    {
        var match = targets.FirstOrDefault(t => t.Kpi == kpi);
        return match is null ? null : SlaClock.Start(match.Target, calendars.Get(match.Target.CalendarName), startedAt);
    }

    private static SlaClock? ObserveClock(SlaClock? clock, DateTimeOffset now) =>
        clock is null || clock.IsCompleted || clock.IsPaused || now < clock.StartedAt ? clock : clock.Observe(now);

    private static SlaClock? Complete(SlaClock? clock, DateTimeOffset now) =>
        clock is null || clock.IsCompleted ? clock : clock.Complete(now);

    private static SlaClock? Pause(SlaClock? clock, DateTimeOffset now) =>
        clock is null || clock.IsCompleted || clock.IsPaused ? clock : clock.Pause(now);

    private static SlaClock? Resume(SlaClock? clock, DateTimeOffset now) =>
        clock is not null && clock.IsPaused ? clock.Resume(now) : clock;

    private static SlaClock? Reopen(SlaClock? clock, DateTimeOffset now)
    {
        if (clock is null || !clock.IsCompleted)
        {
            return clock;
        }

        var running = SlaClock.Restore(clock.Target, clock.Calendar, clock.StartedAt, clock.PausedTotal, null, null, clock.BreachedOn);
        return running.Observe(now);
    }
}
