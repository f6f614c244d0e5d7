using System.Diagnostics;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Logic.LoyaltySweeps;
using PropertyCrm.Plugins.Logic.Sweep;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema;

namespace PropertyCrm.Plugins.Steps.Loyalty.Sweeps;

/// <summary>
/// Custom API <c>pcrm_RunTierReview</c> (global action) for a scheduled cloud flow (monthly): the periodic tier
/// review, owner by owner within a time budget (upgrades to the qualification, downgrades one level per review);
/// returns a continuation token when it stops early. See <see cref="TierReviewSweep"/> for the scope, the call count
/// and idempotency.
/// </summary>
public sealed class RunTierReviewPlugin : PluginBase
{
    public const string ApiName = "pcrm_RunTierReview";
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
        typeof(RunTierReviewPlugin),
        new LocalizedText("执行会员等级定期评审", "Run tier review"),
        new LocalizedText(
            "按评审日重新评估业主会员等级:达标即升级,不达标每次评审最多降一级,并记录等级变更历史。供定时云端流调用;同一评审日可重复执行。",
            "Reviews owners' tiers as of the review date: upgrades to what they qualify for, downgrades at most one level per review, and records the tier history. For a scheduled cloud flow; safe to run again for the same review date."))
    {
        Handler = RunReview,
        AllowedCustomProcessingStepType = CustomApiProcessingStepType.AsyncOnly,
        ExecutePrivilegeName = Privileges.ConfigureLoyalty,
        RequestParameters = new[]
        {
            new CustomApiField(AsOfParameter, CustomApiFieldType.DateTime, new LocalizedText("评审时间", "As of"), new LocalizedText("按此时间评审(UTC),不得晚于现在;留空为现在。", "The review instant (UTC), not after now; blank for now."))
            {
                IsOptional = true,
            },
            new CustomApiField(PageSizeParameter, CustomApiFieldType.Integer, new LocalizedText("每页业主数", "Page size"), new LocalizedText($"每次读取的业主数(1–{TierReviewSweep.MaxPageSize}),默认 {TierReviewSweep.DefaultPageSize}。", $"Owners read per page (1-{TierReviewSweep.MaxPageSize}), default {TierReviewSweep.DefaultPageSize}."))
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
            new CustomApiField(ProcessedOutput, CustomApiFieldType.Integer, new LocalizedText("已处理", "Processed"), new LocalizedText("本次评审的业主数。", "Owners reviewed by this call.")),
            new CustomApiField(ChangedOutput, CustomApiFieldType.Integer, new LocalizedText("等级变更", "Changed"), new LocalizedText("本次等级发生变化的业主数。", "Owners whose tier this call changed.")),
            new CustomApiField(MoreRecordsOutput, CustomApiFieldType.Boolean, new LocalizedText("还有更多", "More records"), new LocalizedText("时间预算用完时仍有待处理业主:请带令牌再调用。", "Owners remain after the time budget: call again with the token.")),
            new CustomApiField(ContinuationTokenOutput, CustomApiFieldType.String, new LocalizedText("续扫令牌", "Continuation token"), new LocalizedText("下次调用传入以接着处理;处理完时为空。", "Pass it to the next call to resume; empty when done.")),
        },
    };

    public RunTierReviewPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void RunReview(ILocalPluginContext context)
    {
        // Started first: the budget counts from the moment the platform handed the request to the plug-in.
        var started = Stopwatch.StartNew();
        var execution = context.PluginExecutionContext;
        var arguments = LoyaltySweepInput.Read(execution, AsOfParameter, PageSizeParameter, TimeBudgetSecondsParameter, ContinuationTokenParameter);
        var result = new LoyaltySweepService(context.Scope).RunTierReview(arguments, started);
        execution.OutputParameters[ProcessedOutput] = result.Processed;
        execution.OutputParameters[ChangedOutput] = result.Changed;
        execution.OutputParameters[MoreRecordsOutput] = result.MoreRecords;
        execution.OutputParameters[ContinuationTokenOutput] = result.Continuation?.ToString() ?? string.Empty;
    }
}
