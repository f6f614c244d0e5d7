using System.Diagnostics;
using PropertyCrm.Domain;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Logic.LoyaltySweeps;
using PropertyCrm.Plugins.Logic.Sweep;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Lifecycle;

/// <summary>
/// The owner lifecycle review (新入住/稳定/流失风险/流失), for <c>pcrm_RunLifecycleReview</c> and its workflow activity
/// alike: input checks, the time budget, the job lock (<see cref="SweepJob"/>: calls run one after the other), the sweep (<see cref="LifecycleReviewSweep"/>) and its traces, writing through
/// the scope's SYSTEM service.
/// </summary>
public sealed class LifecycleService
{
    private readonly ExecutionScope scope;

    public LifecycleService(ExecutionScope scope)
    {
        this.scope = Guard.NotNull(scope, nameof(scope));
    }

    /// <param name="started">Started when the platform handed over the call: the time budget counts from then.</param>
    public LoyaltySweepResult RunReview(OwnerSweepArguments arguments, Stopwatch started)
    {
        var input = Guard.NotNull(
            arguments,
            nameof(arguments)).Check(scope.Now, LifecycleReviewSweep.TokenPrefix, LifecycleReviewSweep.DefaultPageSize, LifecycleReviewSweep.MaxPageSize);
        var budget = new StopwatchSweepBudget(started, input.BudgetSeconds);
        scope.Trace($"Lifecycle review as of {input.AsOf:o}: page size {input.PageSize}, budget {budget.Budget.TotalSeconds:0} s, resume after {input.Token?.ToString() ?? "(start)"}.");

        // The thresholds come from the active tier policy row (blank fields: 90 days, 3 and 6 unpaid months, 6 quiet
        // months), through the loyalty configuration cache: no read warm, one cold (with the earn rules).
        var rules = LoyaltyConfigurationCache.Get(scope.SystemService, scope.OrganizationId, scope.Now, scope.Trace).LifecycleRules;
        var job = SweepJob.Take(scope.SystemService, SweepJobTable.Jobs.LifecycleReview, scope.Now);
        var result = LifecycleReviewSweep.Run(scope.SystemService, rules, input.AsOf, input.PageSize, input.Token, budget, scope.Trace);
        job.Finish(scope.Now, result.Processed, result.Changed, result.MoreRecords ? result.Continuation?.ToString() : null);

        scope.Trace($"Reviewed {result.Processed}, changed {result.Changed}, more {result.MoreRecords}.");
        return result;
    }
}
