using System;
using System.Activities;
using System.Diagnostics;
using Microsoft.Xrm.Sdk.Workflow;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Logic.Care;
using PropertyCrm.Plugins.Logic.LoyaltySweeps;
using PropertyCrm.WorkflowActivities.Framework;

namespace PropertyCrm.WorkflowActivities.Care;

/// <summary>
/// Classic-workflow step "Run care planner / 执行主动关怀计划": the owners' care tasks for their butlers, once per
/// occasion, owner by owner within a time budget — the same sweep and input checks as the <c>pcrm_RunCarePlanner</c>
/// Custom API (one <see cref="CareService"/> call).
/// </summary>
public sealed class RunCarePlannerActivity : WorkflowActivityBase
{
    [Input("计划日期 / As of")]
    public InArgument<DateTime> AsOf { get; set; } = null!;

    // Defaults as text because attribute arguments must be constants; the metadata tests pin them to the sweep's.
    [Input("每页业主数 / Page size")]
    [Default("100")]
    public InArgument<int> PageSize { get; set; } = null!;

    [Input("时间预算(秒) / Time budget (seconds)")]
    [Default("60")]
    public InArgument<int> TimeBudgetSeconds { get; set; } = null!;

    [Input("续扫令牌 / Continuation token")]
    public InArgument<string> ContinuationToken { get; set; } = null!;

    [Output("已处理 / Processed")]
    public OutArgument<int> Processed { get; set; } = null!;

    [Output("已创建任务 / Tasks created")]
    public OutArgument<int> TasksCreated { get; set; } = null!;

    [Output("还有更多 / More records")]
    public OutArgument<bool> MoreRecords { get; set; } = null!;

    [Output("续扫令牌 / Continuation token")]
    public OutArgument<string> NextContinuationToken { get; set; } = null!;

    protected override void Run(CodeActivityContext activity, ExecutionScope scope)
    {
        var started = Stopwatch.StartNew();
        var arguments = new OwnerSweepArguments(SweepArguments.AsOf(AsOf.Get(activity)), PageSize.Get(activity), TimeBudgetSeconds.Get(activity), ContinuationToken.Get(activity));
        var result = new CareService(scope).RunPlanner(arguments, started);
        Processed.Set(activity, result.Processed);
        TasksCreated.Set(activity, result.Points);
        MoreRecords.Set(activity, result.MoreRecords);
        NextContinuationToken.Set(activity, result.Continuation?.ToString() ?? string.Empty);
    }
}
