using System.Diagnostics;
using PropertyCrm.Domain.Lifecycle;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.Lifecycle;
using PropertyCrm.Plugins.Logic.Sweep;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Plugins.Steps.Loyalty.Sweeps;
using PropertyCrm.Schema;

namespace PropertyCrm.Plugins.Steps.Lifecycle;

/// <summary>
/// Custom API <c>pcrm_RunLifecycleReview</c> (global action) for a scheduled cloud flow (daily): each owner's
/// lifecycle stage and churn-risk signals as of the review date, owner by owner within a time budget; returns a
/// continuation token when it stops early. See <see cref="LifecycleReviewSweep"/> for the scope, the call count and
/// idempotency.
/// </summary>
public sealed class RunLifecycleReviewPlugin : PluginBase
{
    public const string ApiName = "pcrm_RunLifecycleReview";
    public const string AsOfParameter = "AsOf";
    public const string PageSizeParameter = "PageSize";
    public const string TimeBudgetSecondsParameter = "TimeBudgetSeconds";
    public const string ContinuationTokenParameter = "ContinuationToken";
    public const string ProcessedOutput = "Processed";
    public const string ChangedOutput = "Changed";
    public const string MoreRecordsOutput = "MoreRecords";
    public const string ContinuationTokenOutput = "ContinuationToken";

    public static readonly CustomApiDeclaration Api = new(
        ApiName,
        typeof(RunLifecycleReviewPlugin),
        new LocalizedText("执行业主生命周期评估", "Run lifecycle review"),
        new LocalizedText(
            "按评估日更新业主生命周期阶段(新入住期、稳定期、流失风险期、流失期)与流失风险信号,仅在有变化时写入。供每日定时云端流调用;同一天可重复执行。",
            "Updates owners' lifecycle stage (new move-in, stable, churn risk, churned) and churn-risk signals as of the review date, writing only what changed. For a daily scheduled cloud flow; safe to run again the same day."))
    {
        Handler = RunReview,
        AllowedCustomProcessingStepType = CustomApiProcessingStepType.AsyncOnly,
        ExecutePrivilegeName = Privileges.ConfigureLoyalty,
        RequestParameters = new[]
        {
            new CustomApiField(AsOfParameter, CustomApiFieldType.DateTime, new LocalizedText("评估时间", "As of"), new LocalizedText("按此时间所在的中国日期评估(UTC),不得晚于现在;留空为现在。", "Reviews as of the China date of this instant (UTC), not after now; blank for now."))
            {
                IsOptional = true,
            },
            new CustomApiField(PageSizeParameter, CustomApiFieldType.Integer, new LocalizedText("每页业主数", "Page size"), new LocalizedText($"每次读取的业主数(1–{LifecycleReviewSweep.MaxPageSize}),默认 {LifecycleReviewSweep.DefaultPageSize}。", $"Owners read per page (1-{LifecycleReviewSweep.MaxPageSize}), default {LifecycleReviewSweep.DefaultPageSize}."))
            {
                IsOptional = true,
            },
            new CustomApiField(TimeBudgetSecondsParameter, CustomApiFieldType.Integer, new LocalizedText("时间预算(秒)", "Time budget (seconds)"), new LocalizedText("本次调用最多运行的秒数(0–100,默认 60);0 只处理一位业主。", "Seconds this call may run (0-100, default 60); 0 handles a single owner."))
            {
                IsOptional = true,
            },
            new CustomApiField(ContinuationTokenParameter, CustomApiFieldType.String, new LocalizedText("续扫令牌", "Continuation token"), new LocalizedText("上次调用返回的令牌,用于接着处理。", "The token a previous call returned, to resume after it."))
            {
                MaxLength = CustomApiField.ContinuationTokenMaxLength,
                IsOptional = true,
            },
        },
        ResponseProperties = new[]
        {
            new CustomApiField(ProcessedOutput, CustomApiFieldType.Integer, new LocalizedText("已处理", "Processed"), new LocalizedText("本次评估的业主数(含跳过的)。", "Owners reviewed by this call (skipped ones included).")),
            new CustomApiField(ChangedOutput, CustomApiFieldType.Integer, new LocalizedText("已更新", "Changed"), new LocalizedText("本次生命周期字段发生变化的业主数。", "Owners whose lifecycle columns this call changed.")),
            new CustomApiField(MoreRecordsOutput, CustomApiFieldType.Boolean, new LocalizedText("还有更多", "More records"), new LocalizedText("时间预算用完时仍有待处理业主:请带令牌再调用。", "Owners remain after the time budget: call again with the token.")),
            new CustomApiField(ContinuationTokenOutput, CustomApiFieldType.String, new LocalizedText("续扫令牌", "Continuation token"), new LocalizedText("下次调用传入以接着处理;处理完时为空。", "Pass it to the next call to resume; empty when done.")),
        },
    };

    public RunLifecycleReviewPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void RunReview(ILocalPluginContext context)
    {
        // Started first: the budget counts from the moment the platform handed the request to the plug-in.
        var started = Stopwatch.StartNew();
        var execution = context.PluginExecutionContext;
        var arguments = LoyaltySweepInput.Read(execution, AsOfParameter, PageSizeParameter, TimeBudgetSecondsParameter, ContinuationTokenParameter);
        var result = new LifecycleService(context.Scope).RunReview(arguments, started);
        execution.OutputParameters[ProcessedOutput] = result.Processed;
        execution.OutputParameters[ChangedOutput] = result.Changed;
        execution.OutputParameters[MoreRecordsOutput] = result.MoreRecords;
        execution.OutputParameters[ContinuationTokenOutput] = result.Continuation?.ToString() ?? string.Empty;
    }
}
