using System;
using System.Diagnostics;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.LoyaltySweeps;
using PropertyCrm.Plugins.Logic.Sweep;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema;

namespace PropertyCrm.Plugins.Steps.Loyalty.Sweeps;

/// <summary>
/// Custom API <c>pcrm_RunPointsExpiry</c> (global action) for a scheduled cloud flow (nightly, 00:05 China time):
/// expires the lots past their last usable day, owner by owner, within a time budget; returns a continuation token
/// when it stops early. See <see cref="PointsExpirySweep"/> for the query, the call count and idempotency.
/// </summary>
public sealed class RunPointsExpiryPlugin : PluginBase
{
    public const string ApiName = "pcrm_RunPointsExpiry";
    public const string AsOfParameter = "AsOf";
    public const string PageSizeParameter = "PageSize";
    public const string TimeBudgetSecondsParameter = "TimeBudgetSeconds";
    public const string ContinuationTokenParameter = "ContinuationToken";
    public const string ProcessedOutput = "Processed";
    public const string PointsExpiredOutput = "PointsExpired";
    public const string MoreRecordsOutput = "MoreRecords";
    public const string ContinuationTokenOutput = "ContinuationToken";

    public static readonly CustomApiDeclaration Api = new(
        ApiName,
        typeof(RunPointsExpiryPlugin),
        new LocalizedText("执行积分到期处理", "Run points expiry"),
        new LocalizedText(
            "将已过最后使用日的积分批次记为过期并更新业主积分余额。供定时云端流调用;可重复执行。",
            "Expires points lots past their last usable day and updates owners' balances. For a scheduled cloud flow; safe to run again."))
    {
        Handler = RunExpiry,
        AllowedCustomProcessingStepType = CustomApiProcessingStepType.AsyncOnly,
        ExecutePrivilegeName = Privileges.ConfigureLoyalty,
        RequestParameters = new[]
        {
            new CustomApiField(AsOfParameter, CustomApiFieldType.DateTime, new LocalizedText("截至时间", "As of"), new LocalizedText("按此时间判断到期(UTC),不得晚于现在;留空为现在。", "The instant expiry is judged at (UTC), not after now; blank for now."))
            {
                IsOptional = true,
            },
            new CustomApiField(PageSizeParameter, CustomApiFieldType.Integer, new LocalizedText("每页业主数", "Page size"), new LocalizedText($"每次读取的业主数(1–{PointsExpirySweep.MaxPageSize}),默认 {PointsExpirySweep.DefaultPageSize}。", $"Owners read per page (1-{PointsExpirySweep.MaxPageSize}), default {PointsExpirySweep.DefaultPageSize}."))
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
            new CustomApiField(ProcessedOutput, CustomApiFieldType.Integer, new LocalizedText("已处理", "Processed"), new LocalizedText("本次处理的业主数。", "Owners handled by this call.")),
            new CustomApiField(PointsExpiredOutput, CustomApiFieldType.Integer, new LocalizedText("过期积分", "Points expired"), new LocalizedText("本次记为过期的积分。", "Points expired by this call.")),
            new CustomApiField(MoreRecordsOutput, CustomApiFieldType.Boolean, new LocalizedText("还有更多", "More records"), new LocalizedText("时间预算用完时仍有待处理业主:请带令牌再调用。", "Owners remain after the time budget: call again with the token.")),
            new CustomApiField(ContinuationTokenOutput, CustomApiFieldType.String, new LocalizedText("续扫令牌", "Continuation token"), new LocalizedText("下次调用传入以接着处理;处理完时为空。", "Pass it to the next call to resume; empty when done.")),
        },
    };

    public RunPointsExpiryPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void RunExpiry(ILocalPluginContext context)
    {
        // Started first: the budget counts from the moment the platform handed the request to the plug-in.
        var started = Stopwatch.StartNew();
        var execution = context.PluginExecutionContext;
        var arguments = LoyaltySweepInput.Read(execution, AsOfParameter, PageSizeParameter, TimeBudgetSecondsParameter, ContinuationTokenParameter);
        var result = new LoyaltySweepService(context.Scope).RunPointsExpiry(arguments, started);
        execution.OutputParameters[ProcessedOutput] = result.Processed;
        execution.OutputParameters[PointsExpiredOutput] = result.Points;
        execution.OutputParameters[MoreRecordsOutput] = result.MoreRecords;
        execution.OutputParameters[ContinuationTokenOutput] = result.Continuation?.ToString() ?? string.Empty;
    }
}
