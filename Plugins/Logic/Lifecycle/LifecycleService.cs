using System.Diagnostics;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Lifecycle;
using PropertyCrm.Plugins.Execution;
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

        // LifecycleRules has no admin table yet: the defaults (90 days, 3 and 6 unpaid months, 6 quiet months) apply.
        var job = SweepJob.Take(scope.SystemService, SweepJobTable.Jobs.LifecycleReview, scope.Now);
        var result = LifecycleReviewSweep.Run(scope.SystemService, LifecycleRules.Default, input.AsOf, input.PageSize, input.Token, budget, scope.Trace);
        job.Finish(scope.Now, result.Processed, result.Changed, result.MoreRecords ? result.Continuation?.ToString() : null);

        scope.Trace($"Reviewed {result.Processed}, changed {result.Changed}, more {result.MoreRecords}.");
        return result;
    }
}
