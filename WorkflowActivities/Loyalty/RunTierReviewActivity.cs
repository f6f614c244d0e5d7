using System;
using System.Activities;
using System.Diagnostics;
using Microsoft.Xrm.Sdk.Workflow;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Logic.LoyaltySweeps;
using PropertyCrm.WorkflowActivities.Framework;

namespace PropertyCrm.WorkflowActivities.Loyalty;

/// <summary>
/// Classic-workflow step "Run tier review / 执行会员等级定期评审": the periodic tier review, owner by owner within a time
/// budget (upgrades to the qualification, downgrades one level per review) — the same sweep and input checks as the
/// <c>pcrm_RunTierReview</c> Custom API (one <see cref="LoyaltySweepService"/> call).
/// </summary>
/// <remarks>
/// The sweep is meant for a scheduled cloud flow calling the Custom API; this step is for classic and on-demand
/// workflows. Its tier and balance writes go through the workflow's service, one level deeper than the
/// workflow itself (depth ≥ 2), so the guards that refuse direct user writes let them through.
/// </remarks>
public sealed class RunTierReviewActivity : WorkflowActivityBase
{
    [Input("评审时间 / As of")]
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

    [Output("等级变更 / Changed")]
    public OutArgument<int> Changed { get; set; } = null!;

    [Output("还有更多 / More records")]
    public OutArgument<bool> MoreRecords { get; set; } = null!;

    [Output("续扫令牌 / Continuation token")]
    public OutArgument<string> NextContinuationToken { get; set; } = null!;

    protected override void Run(CodeActivityContext activity, ExecutionScope scope)
    {
        var started = Stopwatch.StartNew();
        var arguments = new OwnerSweepArguments(SweepArguments.AsOf(AsOf.Get(activity)), PageSize.Get(activity), TimeBudgetSeconds.Get(activity), ContinuationToken.Get(activity));
        var result = new LoyaltySweepService(scope).RunTierReview(arguments, started);
        Processed.Set(activity, result.Processed);
        Changed.Set(activity, result.Changed);
        MoreRecords.Set(activity, result.MoreRecords);
        NextContinuationToken.Set(activity, result.Continuation?.ToString() ?? string.Empty);
    }
}
