using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Plugins.Logic.Sweep;

/// <summary>
/// The SLA escalation sweep: finds active, not-paused requests whose next escalation instant
/// (<c>pcrm_nextescalationon</c>) has come, page by page in (instant, id) order, and for each observes the clocks,
/// raises the due rungs as <c>pcrm_escalation</c> rows with their recipient, and writes back the KPI statuses, the
/// highest rung and the next instant (<see cref="NextEscalation"/>).
/// </summary>
/// <remarks>
/// <para><b>Calls.</b> Per page of P due requests raising E rungs: 1 index query + P lock updates + 1 re-read of the
/// P requests + 1 read of their escalation rows + at most 1 read of their properties (only when a rung needs the
/// supervisor, manager or quality team) + E creates + P updates; each "1" becomes ⌈P / 500⌉ above 500 requests (an
/// <c>in</c> list stays well under SQL Server's parameter limit, and 500 requests × 8 rungs fit one result page). The
/// index query's own "more records" flag ends the loop, so no empty query is spent after the last page; a call with
/// nothing due costs that one query. On-time requests never match the index query, so they cost nothing, however
/// many are open. Plus one read of the page-size environment variable when the caller gives no page size.</para>
/// <para><b>Concurrency.</b> Two sweeps at once never raise a rung twice. Each request of a page is first updated
/// (an update that sets no column), which takes the row's write lock until this call's
/// transaction ends; only then are the requests and their escalation rows read, so what is read is what the other
/// sweep committed. A second sweep that read the same page waits at its first lock until the first commits, then
/// re-reads the moved index and finds the rungs recorded; one that queries later does not see the rows at all (their
/// index has moved past its <c>now</c>). Rows are locked in index order by every sweep, so two sweeps do not
/// deadlock each other. The escalation alternate key (request × KPI × level) is the second line of defence: a
/// duplicate would fail the call and roll all of it back rather than notify anyone twice. Nothing relies on catching
/// that failure: inside a transaction a failed call dooms the whole transaction.</para>
/// <para><b>Budget.</b> Checked before each request is locked and before each is written; the first request of a call
/// is always processed, so every call makes progress. Requests locked but not written stay due, untouched (their
/// lock update changed no column).</para>
/// </remarks>
public static class SlaSweep
{
    public const int MaxPageSize = QueryPaging.MaxPageSize;

    public const int DefaultPageSize = 500;

    /// <summary>Largest <c>in</c> list one read sends (and the most requests whose escalation rows one result page holds).</summary>
    public const int MaxInValues = 500;

    public static SweepResult Run(IOrganizationService service, SweepSettings settings, SweepRequest request, ISweepBudget budget, Action<string> trace)
    {
        Guard.NotNull(service, nameof(service));
        Guard.NotNull(settings, nameof(settings));
        Guard.NotNull(request, nameof(request));
        Guard.NotNull(budget, nameof(budget));

        trace ??= _ => { };
        var now = new DateTimeOffset(request.NowUtc);
        var cursor = request.Continuation;
        int processed = 0, escalated = 0, pages = 0;
        bool more;
        while (true)
        {
            if (processed > 0 && budget.IsSpent)
            {
                more = true;
                break;
            }

            var page = SlaSweepReads.DuePage(service, request.NowUtc, cursor, request.PageSize);
            pages++;
            if (page.Entities.Count == 0)
            {
                more = false;
                break;
            }

            var locked = new List<Entity>();
            var stopped = false;
            foreach (var row in page.Entities)
            {
                if (processed + locked.Count > 0 && budget.IsSpent)
                {
                    stopped = true;
                    break;
                }

                Lock(service, row);
                locked.Add(row);
            }

            var ids = locked.Select(r => r.Id).ToArray();
            var fresh = SlaSweepReads.ReadRequests(service, ids);
            var recorded = SlaSweepReads.ReadEscalations(service, ids);
            var reviews = locked.Select(row => Review(row.Id, fresh, recorded, settings, now, trace)).ToList();
            var properties = SlaSweepReads.ReadProperties(service, reviews.Where(r => r.NeedsProperty).Select(r => r.PropertyId!.Value).Distinct().ToArray());
            for (var i = 0; i < reviews.Count; i++)
            {
                if (processed > 0 && budget.IsSpent)
                {
                    stopped = true;
                    break;
                }

                escalated += Apply(service, reviews[i], properties, now);
                processed++;
                cursor = new SweepContinuation(locked[i].GetAttributeValue<DateTime>(Columns.NextEscalationOn), locked[i].Id);
            }

            trace($"Page {pages}: {page.Entities.Count} due, {locked.Count} locked, {processed} processed so far, {escalated} escalated so far.");
            if (stopped)
            {
                more = true;
                break;
            }

            if (!page.MoreRecords)
            {
                more = false;
                break;
            }
        }

        return new SweepResult(processed, escalated, pages, more, cursor);
    }

    /// <summary>
    /// Takes the row's write lock with an update that sets no column (the platform still writes modifiedon and the row
    /// version). Rewriting the index value the page query read would put back a value another sweep or a status change
    /// committed since, e.g. re-arm the index of a request resolved in between.
    /// </summary>
    private static void Lock(IOrganizationService service, Entity row)
    {
        service.Update(new Entity(ServiceRequestTable.LogicalName, row.Id));
    }

    private static RequestReview Review(Guid id, Dictionary<Guid, Entity> fresh, Dictionary<Guid, List<EscalationRung>> recorded, SweepSettings settings, DateTimeOffset now, Action<string> trace)
    {
        if (!fresh.TryGetValue(id, out var row))
        {
            // Locked, so it exists; not read back only if access was lost in between. Leave it as it is.
            trace($"Request {id}: not readable after locking; skipped.");
            return RequestReview.Skip();
        }

        var rungs = recorded.TryGetValue(id, out var list) ? (IReadOnlyList<EscalationRung>)list : Array.Empty<EscalationRung>();
        var active = row.GetAttributeValue<OptionSetValue>(Columns.StateCode)?.Value is null or ServiceRequestTable.States.Active;
        if (!active || row.GetAttributeValue<DateTime?>(Columns.PausedOn).HasValue)
        {
            // Closed or paused since the index query: nothing can come until it is resumed (which recomputes the index).
            return RequestReview.Idle(row);
        }

        try
        {
            var propertyId = row.GetAttributeValue<EntityReference>(Columns.Property)?.Id;
            var clocks = ServiceRequestSlaMapping.ReadClocks(row, () => settings.PoliciesFor(propertyId), () => settings.CalendarsFor(propertyId));
            return RequestReview.Of(row, EscalationReview.Of(clocks, rungs, now));
        }
        catch (DomainException ex)
        {
            // A stored value the rules refuse (e.g. a calendar without next year's holidays yet): the request stays
            // due, so it is retried once an admin fixes the data; the rest of the page goes on.
            trace($"Request {id}: {ex.Code} {ex.Message}");
            return RequestReview.Skip();
        }
    }

    private static int Apply(IOrganizationService service, RequestReview review, Dictionary<Guid, Entity> properties, DateTimeOffset now)
    {
        if (review.Row is null)
        {
            return 0;
        }

        var row = review.Row;
        var property = review.PropertyId.HasValue && properties.TryGetValue(review.PropertyId.Value, out var p) ? p : null;
        var raised = 0;
        foreach (var due in review.Due)
        {
            service.Create(EscalationRows.For(row, due, property, now));
            raised++;
        }

        var update = new Entity(ServiceRequestTable.LogicalName, row.Id)
        {
            [Columns.NextEscalationOn] = review.NextEscalationOn?.UtcDateTime,
        };
        foreach (var clock in review.Observed)
        {
            var kpi = clock.Kpi == SlaKpi.FirstResponse ? ClockColumns.FirstResponse : ClockColumns.Resolution;
            var status = OptionValues.ToOption(clock.Status);
            if (row.GetAttributeValue<OptionSetValue>(kpi.Status)?.Value != status.Value)
            {
                update[kpi.Status] = status;
            }

            var breached = clock.BreachedOn?.UtcDateTime;
            if (row.GetAttributeValue<DateTime?>(kpi.BreachedOn) != breached)
            {
                update[kpi.BreachedOn] = breached;
            }
        }

        if (review.HighestLevel.HasValue)
        {
            var level = OptionValues.ToOption(review.HighestLevel.Value);
            if (row.GetAttributeValue<OptionSetValue>(Columns.EscalationLevel)?.Value != level.Value)
            {
                update[Columns.EscalationLevel] = level;
            }
        }

        service.Update(update);
        return raised;
    }
}
