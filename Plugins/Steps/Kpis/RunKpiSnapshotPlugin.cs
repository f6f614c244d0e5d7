using System;
using System.Diagnostics;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Kpis;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.Kpis;
using PropertyCrm.Plugins.Logic.Sweep;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Plugins.Steps.Sweeps;
using PropertyCrm.Schema;

namespace PropertyCrm.Plugins.Steps.Kpis;

/// <summary>
/// Custom API <c>pcrm_RunKpiSnapshot</c> (global action): the nightly KPI snapshot, for a scheduled cloud flow. Computes
/// every property's KPIs for the current China month and the one before (or the month given), within a time budget,
/// and returns a continuation token when it stops early. See <see cref="KpiSnapshotSweep"/>.
/// </summary>
public sealed class RunKpiSnapshotPlugin : PluginBase
{
    public const string ApiName = "pcrm_RunKpiSnapshot";

    public const string MonthParameter = "Month";
    public const string TimeBudgetSecondsParameter = SweepApiFields.TimeBudgetSecondsParameter;
    public const string ContinuationTokenParameter = SweepApiFields.ContinuationTokenParameter;
    public const string ProcessedOutput = SweepApiFields.ProcessedOutput;
    public const string WrittenOutput = "Written";
    public const string MoreRecordsOutput = SweepApiFields.MoreRecordsOutput;
    public const string ContinuationTokenOutput = SweepApiFields.ContinuationTokenOutput;

    /// <summary>"yyyy-MM".</summary>
    public const int MonthMaxLength = 7;

    public static readonly CustomApiDeclaration Api = new(
        ApiName,
        typeof(RunKpiSnapshotPlugin),
        new LocalizedText("计算 KPI 快照", "Run KPI snapshot"),
        new LocalizedText(
            "按项目和月份计算 KPI(聚合查询)并写入 KPI 快照,重算时替换。供每晚运行的定时云端流调用。",
            "Computes the KPIs per property and month with aggregate queries and writes the KPI snapshot rows, replacing them on re-runs. For a nightly scheduled cloud flow."))
    {
        Handler = RunSnapshot,
        AllowedCustomProcessingStepType = CustomApiProcessingStepType.AsyncOnly,
        ExecutePrivilegeName = Privileges.ConfigureKpis,
        RequestParameters = new[]
        {
            new CustomApiField(
                MonthParameter,
                CustomApiFieldType.String,
                new LocalizedText("月份", "Month"),
                new LocalizedText("要重算的月份 yyyy-MM(中国时间);留空则计算本月和上月。", "Month to recompute, yyyy-MM (China time); blank computes this month and the previous one."))
            {
                MaxLength = MonthMaxLength,
                IsOptional = true,
            },
            SweepApiFields.TimeBudgetInput(new LocalizedText("本次调用最多运行的秒数(0–100,默认 60);0 只计算一个项目月。", "Seconds this call may run (0-100, default 60); 0 computes a single property-month.")),
            SweepApiFields.ContinuationTokenInput(),
        },
        ResponseProperties = new[]
        {
            SweepApiFields.ProcessedResult(new LocalizedText("本次计算的项目月数。", "Property-months computed by this call.")),
            new CustomApiField(
                WrittenOutput,
                CustomApiFieldType.Integer,
                new LocalizedText("已写入", "Written"),
                new LocalizedText("本次写入(新建或替换)的快照行数。", "Snapshot rows written (created or replaced) by this call.")),
            SweepApiFields.MoreRecordsResult(new LocalizedText("时间预算用完时仍有项目月未计算:请带令牌再调用。", "Property-months remain after the time budget: call again with the token.")),
            SweepApiFields.ContinuationTokenResult(new LocalizedText("下次调用传入以接着计算;全部完成时为空。", "Pass it to the next call to resume; empty when everything was computed.")),
        },
    };

    public RunKpiSnapshotPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void RunSnapshot(ILocalPluginContext context)
    {
        var stopwatch = Stopwatch.StartNew();
        var execution = context.PluginExecutionContext;

        var budgetSeconds = execution.GetOptionalInput<int?>(TimeBudgetSecondsParameter) ?? StopwatchSweepBudget.DefaultSeconds;
        if (budgetSeconds < 0)
        {
            throw new InvalidPluginExecutionException($"时间预算不能为负数:{budgetSeconds} / The time budget cannot be negative: {budgetSeconds}.");
        }

        var monthText = execution.GetOptionalInput<string>(MonthParameter);
        KpiMonth[] months;
        if (string.IsNullOrWhiteSpace(monthText))
        {
            var current = KpiMonth.Containing(DataverseTime.ToInstant(execution.OperationCreatedOn));
            months = new[] { current.Previous(), current };
        }
        else if (KpiMonth.TryParse(monthText, out var month))
        {
            months = new[] { month };
        }
        else
        {
            throw new InvalidPluginExecutionException($"月份须为 yyyy-MM:'{monthText}' / Month must be yyyy-MM: '{monthText}'.");
        }

        SweepContinuation? continuation;
        try
        {
            continuation = SweepContinuation.Parse(execution.GetOptionalInput<string>(ContinuationTokenParameter));
        }
        catch (FormatException ex)
        {
            throw new InvalidPluginExecutionException(ex.Message);
        }

        var budget = new StopwatchSweepBudget(stopwatch, budgetSeconds);
        var result = new KpiSnapshotSweep(context.Scope).Run(new KpiSnapshotRequest(months, continuation), budget);

        context.Trace($"KPI snapshot: processed {result.Processed}, written {result.RowsWritten}, more {result.MoreRecords}.");
        execution.OutputParameters[ProcessedOutput] = result.Processed;
        execution.OutputParameters[WrittenOutput] = result.RowsWritten;
        execution.OutputParameters[MoreRecordsOutput] = result.MoreRecords;
        execution.OutputParameters[ContinuationTokenOutput] = result.Continuation?.ToString() ?? string.Empty;
    }
}
