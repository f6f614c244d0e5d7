using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Logic.Sla;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Plugins.Logic.Sweep;

/// <summary>
/// The SLA escalation sweep, built from one <see cref="ExecutionScope"/>: finds active, not-paused requests whose next
/// escalation instant (<c>pcrm_nextescalationon</c>) has come, page by page in (instant, id) order, and for each
/// observes the clocks, raises the due rungs as <c>pcrm_escalation</c> rows with their recipient, and writes back the
/// KPI statuses, the highest rung and the next instant (<see cref="Domain.Sla.NextEscalation"/>) that changed.
/// </summary>
/// <remarks>
/// <para><b>Calls.</b> The job lock (<see cref="SweepJob"/>: 1 Upsert + 1 Retrieve, and 1 Update at the end), then per
/// page of P due requests raising E rungs on W requests whose values change: 1 index query + 1 re-read of the P
/// requests + 1 read of their escalation rows + at most 1 read of their properties (only when a rung needs the
/// supervisor, manager or quality team) + E creates + W updates (W ≤ P; a request whose values stay put is not
/// written); each "1" becomes ⌈P / 500⌉ above 500 requests. The index query's own "more records" flag ends the loop,
/// so no empty query is spent after the last page. On-time requests never match the index query, so they cost
/// nothing, however many are open. Plus one read of the page-size environment variable when the caller gives none,
/// made by the plug-in.</para>
/// <para><b>Concurrency.</b> <see cref="SlaSweepWrites"/> explains why two sweeps never raise a rung twice and why a
/// user's concurrent save of a request is never lost.</para>
/// <para><b>Budget.</b> Checked before each page query and before each request is written, except the first of a
/// call, so every call makes progress.</para>
/// </remarks>
public sealed class SlaSweep
{
    public const int MaxPageSize = QueryPaging.MaxPageSize;

    public const int DefaultPageSize = 500;

    /// <summary>Largest <c>in</c> list one read sends (and the most requests whose escalation rows one result page holds).</summary>
    public const int MaxInValues = 500;

    private readonly ExecutionScope scope;

    public SlaSweep(ExecutionScope scope)
    {
        this.scope = Guard.NotNull(scope, nameof(scope));
    }

    /// <summary>
    /// One call: takes the SLA sweep's job lock (waiting for another sweep call to end), sweeps as the caller (whose
    /// privileges apply to the requests and escalation rows) and records the call on the job row.
    /// </summary>
    public SweepResult Run(SweepRequest request, ISweepBudget budget)
    {
        Guard.NotNull(request, nameof(request));
        Guard.NotNull(budget, nameof(budget));

        var job = SweepJob.Take(scope.SystemService, SweepJobTable.Jobs.SlaSweep, scope.Now);
        var service = scope.Service;
        var settings = new SweepSettings(anchor => SlaConfigurationCache.Get(service, scope.OrganizationId, scope.Now, anchor, scope.Trace));
        var result = Sweep(service, settings, request, budget, scope.Trace);
        job.Finish(scope.Now, result.Processed, result.Escalated, result.MoreRecords ? result.Continuation?.ToString() : null);
        return result;
    }

    private static SweepResult Sweep(IOrganizationService service, SweepSettings settings, SweepRequest request, ISweepBudget budget, Action<string> trace)
    {
        var now = new DateTimeOffset(request.NowUtc);
        var cursor = request.Continuation;
        int processed = 0, escalated = 0, pages = 0;
        while (true)
        {
            if (processed > 0 && budget.IsSpent)
            {
                return new SweepResult(processed, escalated, pages, true, cursor);
            }

            var page = SlaSweepReads.DuePage(service, request.NowUtc, cursor, request.PageSize);
            pages++;
            if (page.Entities.Count == 0)
            {
                return new SweepResult(processed, escalated, pages, false, cursor);
            }

            // Read after the job lock: no other sweep can write these requests or their escalation rows until this
            // call ends, so only a user's save can still change them (see SlaSweepWrites).
            var ids = page.Entities.Select(r => r.Id).ToArray();
            var fresh = SlaSweepReads.ReadRequests(service, ids);
            var recorded = SlaSweepReads.ReadEscalations(service, ids);
            var reviews = ids.Select(id => SlaSweepWrites.Review(id, fresh, recorded, settings, now, trace)).ToList();
            var properties = SlaSweepReads.ReadProperties(service, reviews.Where(r => r.NeedsProperty).Select(r => r.PropertyId!.Value).Distinct().ToArray());
            int written = 0, handled = 0;
            for (; handled < reviews.Count; handled++)
            {
                if (processed > 0 && budget.IsSpent)
                {
                    break;
                }

                escalated += SlaSweepWrites.Apply(service, reviews[handled], properties, now, out var wrote);
                written += wrote ? 1 : 0;
                processed++;
                var row = page.Entities[handled];
                cursor = new SweepContinuation(row.GetAttributeValue<DateTime>(Columns.NextEscalationOn), row.Id);
            }

            trace($"Page {pages}: {page.Entities.Count} due, {handled} handled, {written} written, {processed} processed so far, {escalated} escalated so far.");
            if (handled < reviews.Count)
            {
                return new SweepResult(processed, escalated, pages, true, cursor);
            }

            if (!page.MoreRecords)
            {
                return new SweepResult(processed, escalated, pages, false, cursor);
            }
        }
    }
}
