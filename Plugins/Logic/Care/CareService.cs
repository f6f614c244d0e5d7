using System.Diagnostics;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Lifecycle;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Logic.LoyaltySweeps;
using PropertyCrm.Plugins.Logic.Sweep;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Care;

/// <summary>
/// The daily care planner, for <c>pcrm_RunCarePlanner</c> and its workflow activity alike: input checks, the time
/// budget, the job lock (<see cref="SweepJob"/>: calls run one after the other), the sweep
/// (<see cref="CarePlannerSweep"/>) and its traces, writing through the scope's SYSTEM service.
/// </summary>
public sealed class CareService
{
    private readonly ExecutionScope scope;

    public CareService(ExecutionScope scope)
    {
        this.scope = Guard.NotNull(scope, nameof(scope));
    }

    /// <param name="started">Started when the platform handed over the call: the time budget counts from then.</param>
    /// <returns>The sweep's result; <see cref="LoyaltySweepResult.Points"/> holds the tasks created.</returns>
    public LoyaltySweepResult RunPlanner(OwnerSweepArguments arguments, Stopwatch started)
    {
        var input = Guard.NotNull(arguments, nameof(arguments))
            .Check(scope.Now, CarePlannerSweep.TokenPrefix, CarePlannerSweep.DefaultPageSize, CarePlannerSweep.MaxPageSize);
        var budget = new StopwatchSweepBudget(started, input.BudgetSeconds);
        scope.Trace($"Care planner as of {input.AsOf:o}: page size {input.PageSize}, budget {budget.Budget.TotalSeconds:0} s, resume after {input.Token?.ToString() ?? "(start)"}.");

        // The care and life-event rules have no admin table yet: their defaults apply (README, Owner care). The 催缴
        // ladder's months are on the active tier policy row, through the loyalty configuration cache (no read warm, 2 cold).
        var configuration = LoyaltyConfigurationCache.Get(scope.SystemService, scope.OrganizationId, scope.Now, scope.Trace);
        var job = SweepJob.Take(scope.SystemService, SweepJobTable.Jobs.CarePlanner, scope.Now);
        var result = CarePlannerSweep.Run(
            scope.SystemService,
            new CarePolicy(CareRules.Default),
            LifeEventRules.Default,
            configuration.CollectionLadder,
            input.AsOf,
            input.PageSize,
            input.Token,
            budget,
            scope.Trace);
        job.Finish(scope.Now, result.Processed, result.Points, result.MoreRecords ? result.Continuation?.ToString() : null);

        scope.Trace($"Planned {result.Processed} owners, created {result.Points} tasks for {result.Changed} owners, more {result.MoreRecords}.");
        return result;
    }
}
