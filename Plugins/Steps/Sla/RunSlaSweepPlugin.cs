using System;
using System.Diagnostics;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.Sweep;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Plugins.Steps.Sweeps;
using PropertyCrm.Schema;

namespace PropertyCrm.Plugins.Steps.Sla;

/// <summary>
/// Custom API <c>pcrm_RunSlaSweep</c> (global action): the scheduled SLA escalation sweep, for a Power Automate
/// flow ("Perform an unbound action") every few minutes. Raises warning and escalation rungs that have come due,
/// within a time budget; returns a continuation token when it stops early. See <see cref="SlaSweep"/> for the
/// algorithm, its call count, its job lock and why two sweeps at once are safe.
/// </summary>
public sealed class RunSlaSweepPlugin : PluginBase
{
    public const string ApiName = "pcrm_RunSlaSweep";

    public const string PageSizeParameter = "PageSize";
    public const string TimeBudgetSecondsParameter = SweepApiFields.TimeBudgetSecondsParameter;
    public const string ContinuationTokenParameter = SweepApiFields.ContinuationTokenParameter;
    public const string ProcessedOutput = SweepApiFields.ProcessedOutput;
    public const string EscalatedOutput = "Escalated";
    public const string MoreRecordsOutput = SweepApiFields.MoreRecordsOutput;
    public const string ContinuationTokenOutput = SweepApiFields.ContinuationTokenOutput;

    public static readonly CustomApiDeclaration Api = new(
        ApiName,
        typeof(RunSlaSweepPlugin),
        new LocalizedText("执行 SLA 超时扫描", "Run SLA sweep"),
        new LocalizedText(
            "查找已到预警或升级时间的工单及逾期挽回,记录升级并通知相应人员。供定时云端流调用。",
            "Finds service requests whose warning or escalation time has come, then overdue recovery cases, records the escalations and their recipients. For a scheduled cloud flow."))
    {
        Handler = RunSweep,
        AllowedCustomProcessingStepType = CustomApiProcessingStepType.AsyncOnly,
        ExecutePrivilegeName = Privileges.ConfigureSla,
        RequestParameters = new[]
        {
            new CustomApiField(
                PageSizeParameter,
                CustomApiFieldType.Integer,
                new LocalizedText("每页记录数", "Page size"),
                new LocalizedText("每次读取的工单(或挽回)数(1–5000);留空则取环境变量 pcrm_SlaSweepPageSize,默认 500。", "Requests (or recovery cases) read per page (1-5,000); blank uses environment variable pcrm_SlaSweepPageSize, default 500."))
            {
                IsOptional = true,
            },
            SweepApiFields.TimeBudgetInput(new LocalizedText("本次调用最多运行的秒数(0–100,默认 60);0 只处理一条。", "Seconds this call may run (0-100, default 60); 0 handles a single request or recovery case.")),
            SweepApiFields.ContinuationTokenInput(),
        },
        ResponseProperties = new[]
        {
            SweepApiFields.ProcessedResult(new LocalizedText("本次处理的到期工单和逾期挽回数。", "Due requests and overdue recovery cases handled by this call.")),
            new CustomApiField(
                EscalatedOutput,
                CustomApiFieldType.Integer,
                new LocalizedText("已升级", "Escalated"),
                new LocalizedText("本次新建的升级记录数。", "Escalation records created by this call.")),
            SweepApiFields.MoreRecordsResult(new LocalizedText("时间预算用完时仍有到期工单或逾期挽回:请带令牌再调用。", "Due requests or overdue recovery cases remain after the time budget: call again with the token.")),
            SweepApiFields.ContinuationTokenResult(new LocalizedText("下次调用传入以接着处理;没有处理任何工单时为空。", "Pass it to the next call to resume; empty when nothing was handled.")),
        },
    };

    public RunSlaSweepPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void RunSweep(ILocalPluginContext context)
    {
        // Started first: the budget counts from the moment the platform handed the request to the plug-in.
        var stopwatch = Stopwatch.StartNew();
        var execution = context.PluginExecutionContext;
        var service = context.PluginUserService;

        var budgetSeconds = execution.GetOptionalInput<int?>(TimeBudgetSecondsParameter) ?? StopwatchSweepBudget.DefaultSeconds;
        if (budgetSeconds < 0)
        {
            throw new InvalidPluginExecutionException($"时间预算不能为负数:{budgetSeconds} / The time budget cannot be negative: {budgetSeconds}.");
        }

        var pageSize = execution.GetOptionalInput<int?>(PageSizeParameter);
        if (pageSize.HasValue && pageSize.Value < 1)
        {
            throw new InvalidPluginExecutionException($"每页记录数须为 1 到 {SlaSweep.MaxPageSize}:{pageSize} / Page size must be 1 to {SlaSweep.MaxPageSize}: {pageSize}.");
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

        var size = pageSize.HasValue ? Math.Min(pageSize.Value, SlaSweep.MaxPageSize) : SweepPageSizeSetting.Read(service);
        var budget = new StopwatchSweepBudget(stopwatch, budgetSeconds);
        context.Trace($"Sweep at {execution.OperationCreatedOn:o}: page size {size}, budget {budget.Budget.TotalSeconds:0} s, resume after {continuation?.ToString() ?? "(start)"}.");

        // The configuration cache is anchored on the first due request's property: cold one read, warm none.
        var result = new SlaSweep(context.Scope).Run(new SweepRequest(execution.OperationCreatedOn, size, continuation), budget);

        context.Trace($"Processed {result.Processed}, escalated {result.Escalated}, pages {result.Pages}, more {result.MoreRecords}.");
        execution.OutputParameters[ProcessedOutput] = result.Processed;
        execution.OutputParameters[EscalatedOutput] = result.Escalated;
        execution.OutputParameters[MoreRecordsOutput] = result.MoreRecords;
        execution.OutputParameters[ContinuationTokenOutput] = result.Continuation?.ToString() ?? string.Empty;
    }
}
