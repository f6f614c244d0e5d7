using System.Diagnostics;
using PropertyCrm.Domain;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Logic.Sweep;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.LoyaltySweeps;

/// <summary>
/// The scheduled loyalty sweeps, for their Custom APIs and their workflow activities alike: input checks, the time
/// budget, the job lock (<see cref="SweepJob"/>: calls of one sweep run one after the other), the sweep and its traces.
/// Writes go through the scope's SYSTEM service (balances, tiers, ledger entries).
/// See <see cref="TierReviewSweep"/> and <see cref="PointsExpirySweep"/> for scope, call counts and idempotency.
/// </summary>
public sealed class LoyaltySweepService
{
    private readonly ExecutionScope scope;

    public LoyaltySweepService(ExecutionScope scope)
    {
        this.scope = Guard.NotNull(scope, nameof(scope));
    }

    /// <param name="started">Started when the platform handed over the call: the time budget counts from then.</param>
    public LoyaltySweepResult RunTierReview(OwnerSweepArguments arguments, Stopwatch started)
    {
        var input = Guard.NotNull(arguments, nameof(arguments)).Check(scope.Now, TierReviewSweep.TokenPrefix, TierReviewSweep.DefaultPageSize, TierReviewSweep.MaxPageSize);
        var budget = new StopwatchSweepBudget(started, input.BudgetSeconds);
        scope.Trace($"Tier review as of {input.AsOf:o}: page size {input.PageSize}, budget {budget.Budget.TotalSeconds:0} s, resume after {input.Token?.ToString() ?? "(start)"}.");

        var service = scope.SystemService;
        var job = SweepJob.Take(service, SweepJobTable.Jobs.TierReview, scope.Now);
        var config = LoyaltyConfigurationCache.Get(service, scope.OrganizationId, scope.Now, scope.Trace);
        var result = TierReviewSweep.Run(service, config, input.AsOf, input.PageSize, input.Token, budget, scope.Trace);
        job.Finish(scope.Now, result.Processed, result.Changed, result.MoreRecords ? result.Continuation?.ToString() : null);

        scope.Trace($"Reviewed {result.Processed}, changed {result.Changed}, more {result.MoreRecords}.");
        return result;
    }

    /// <param name="started">Started when the platform handed over the call: the time budget counts from then.</param>
    public LoyaltySweepResult RunPointsExpiry(OwnerSweepArguments arguments, Stopwatch started)
    {
        var input = Guard.NotNull(arguments, nameof(arguments)).Check(scope.Now, PointsExpirySweep.TokenPrefix, PointsExpirySweep.DefaultPageSize, PointsExpirySweep.MaxPageSize);
        var budget = new StopwatchSweepBudget(started, input.BudgetSeconds);
        scope.Trace($"Points expiry as of {input.AsOf:o}: page size {input.PageSize}, budget {budget.Budget.TotalSeconds:0} s, resume after {input.Token?.ToString() ?? "(start)"}.");

        var job = SweepJob.Take(scope.SystemService, SweepJobTable.Jobs.PointsExpiry, scope.Now);
        var result = PointsExpirySweep.Run(scope.SystemService, input.AsOf, input.PageSize, input.Token, budget, scope.Trace);
        job.Finish(scope.Now, result.Processed, result.Points, result.MoreRecords ? result.Continuation?.ToString() : null);

        scope.Trace($"Processed {result.Processed}, expired {result.Points} point(s), more {result.MoreRecords}.");
        return result;
    }
}
