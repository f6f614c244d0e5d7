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
/// KPI statuses, the highest rung and the next instant (<see cref="Domain.Sla.NextEscalation"/>) that changed. Then, once
/// every due request is done, the same for open 挽回 recovery cases past their next escalation instant
/// (<see cref="RecoveryCaseSweep"/>); the continuation token says which pass a call stopped in.
/// </summary>
/// <remarks>
/// <para><b>Calls.</b> The job lock (<see cref="SweepJob"/>: 1 Upsert + 1 Retrieve, and 1 Update at the end), then per
/// page of P due requests raising E rungs on W requests whose values change: 1 index query + 1 re-read of the P
/// requests + 1 read of their escalation rows + at most 1 read of their properties (only when a rung needs the
/// supervisor, manager or quality team) + E creates + W updates (W ≤ P; a request whose values stay put is not
/// written); each "1" becomes ⌈P / 500⌉ above 500 requests. The index query's own "more records" flag ends the loop,
/// so no empty query is spent after the last page. On-time requests never match the index query, so they cost
/// nothing, however many are open. The recovery-case pass adds its own index query (and, for due cases, the reads and
/// writes <see cref="RecoveryCaseSweep"/> lists) after the last request page. Plus one read of the page-size environment variable when the caller gives none,
/// made by the plug-in.</para>
/// <para><b>Concurrency.</b> <see cref="SlaSweepWrites"/> explains why two sweeps never raise a rung twice and why a
/// user's concurrent save of a request is never lost.</para>
/// <para><b>Budget.</b> Checked before each page query and before each request or case is written, except the first of a
/// call, so every call makes progress; the recovery pass's first index query runs even on a spent budget, so a call that
/// finishes the requests with no case due answers "no more records".</para>
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
        var progress = new Progress(request.Continuation);
        if (request.Continuation is not { RecoveryCases: true })
        {
            if (!RequestPass(service, settings, request, budget, now, progress, trace))
            {
                return progress.Result(moreRecords: true);
            }

            // Every due request is done: the overdue recovery cases, in the same call while the budget lasts.
            progress.Cursor = SweepContinuation.RecoveryCasesStart;
        }

        return progress.Result(moreRecords: !RecoveryCasePass(service, request, budget, now, progress, trace));
    }

    /// <returns>True when every due request was handled; false when the budget ran out first.</returns>
    private static bool RequestPass(IOrganizationService service, SweepSettings settings, SweepRequest request, ISweepBudget budget, DateTimeOffset now, Progress progress, Action<string> trace)
    {
        while (true)
        {
            if (progress.Processed > 0 && budget.IsSpent)
            {
                return false;
            }

            var page = SlaSweepReads.DuePage(service, request.NowUtc, progress.Cursor, request.PageSize);
            progress.Pages++;
            if (page.Entities.Count == 0)
            {
                return true;
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
                if (progress.Processed > 0 && budget.IsSpent)
                {
                    break;
                }

                progress.Escalated += SlaSweepWrites.Apply(service, reviews[handled], properties, now, out var wrote);
                written += wrote ? 1 : 0;
                var row = page.Entities[handled];
                progress.Done(new SweepContinuation(row.GetAttributeValue<DateTime>(Columns.NextEscalationOn), row.Id));
            }

            trace($"Page {progress.Pages}: {page.Entities.Count} due, {handled} handled, {written} written, {progress.Processed} processed so far, {progress.Escalated} escalated so far.");
            if (handled < reviews.Count)
            {
                return false;
            }

            if (!page.MoreRecords)
            {
                return true;
            }
        }
    }

    /// <summary>The overdue recovery cases (<see cref="RecoveryCaseSweep"/>), with the same paging and budget rules as requests.</summary>
    /// <returns>True when every due case was handled; false when the budget ran out first.</returns>
    private static bool RecoveryCasePass(IOrganizationService service, SweepRequest request, ISweepBudget budget, DateTimeOffset now, Progress progress, Action<string> trace)
    {
        // The pass's first index query runs even on a spent budget (one cheap query): a call that has just finished the
        // requests then says whether any case is due, instead of asking for one more call that finds nothing.
        var first = true;
        while (true)
        {
            if (!first && progress.Processed > 0 && budget.IsSpent)
            {
                return false;
            }

            first = false;

            var page = RecoveryCaseSweep.DuePage(service, request.NowUtc, progress.Cursor!, request.PageSize);
            progress.Pages++;
            if (page.Entities.Count == 0)
            {
                return true;
            }

            var reviews = RecoveryCaseSweep.Review(service, page.Entities.Select(r => r.Id).ToArray(), now);
            var properties = RecoveryCaseSweep.Properties(service, reviews);
            int written = 0, handled = 0;
            for (; handled < reviews.Count; handled++)
            {
                if (progress.Processed > 0 && budget.IsSpent)
                {
                    break;
                }

                progress.Escalated += RecoveryCaseSweep.Apply(service, reviews[handled], properties, now, out var wrote);
                written += wrote ? 1 : 0;
                var row = page.Entities[handled];
                progress.Done(new SweepContinuation(row.GetAttributeValue<DateTime>(RecoveryCaseTable.Columns.NextEscalationOn), row.Id, recoveryCases: true));
            }

            trace($"Recovery page {progress.Pages}: {page.Entities.Count} due, {handled} handled, {written} written, {progress.Processed} processed so far, {progress.Escalated} escalated so far.");
            if (handled < reviews.Count)
            {
                return false;
            }

            if (!page.MoreRecords)
            {
                return true;
            }
        }
    }

    /// <summary>What one call has done so far, across both passes.</summary>
    private sealed class Progress
    {
        public Progress(SweepContinuation? cursor)
        {
            Cursor = cursor;
            Last = cursor is { IsPassStart: true } ? null : cursor;
        }

        /// <summary>Where the next query resumes (the pass start between passes).</summary>
        public SweepContinuation? Cursor { get; set; }

        /// <summary>The last row processed (by this call, else the token it was given); null when none.</summary>
        public SweepContinuation? Last { get; private set; }

        public int Processed { get; set; }

        public int Escalated { get; set; }

        public int Pages { get; set; }

        public void Done(SweepContinuation row)
        {
            Cursor = row;
            Last = row;
            Processed++;
        }

        /// <summary>With more to do the token resumes at <see cref="Cursor"/>; when done it names the last row processed.</summary>
        public SweepResult Result(bool moreRecords) => new(Processed, Escalated, Pages, moreRecords, moreRecords ? Cursor : Last);
    }
}
