using System.Diagnostics;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Plugins.Steps.Loyalty.Sweeps;

namespace PropertyCrm.Plugins.Steps.Sweeps;

/// <summary>
/// The shape the owner sweeps' Custom APIs share (tier review, points expiry, lifecycle review): the same four inputs
/// (as of, page size, time budget, continuation token), the same three outputs (processed, more records, token) plus
/// one count of their own, async-only custom steps and one handler that calls the sweep's service. Each API keeps
/// only what differs: its name, labels, the count it reports and the service call.
/// </summary>
public abstract class OwnerSweepPlugin : PluginBase
{
    public const string AsOfParameter = "AsOf";
    public const string PageSizeParameter = "PageSize";
    public const string TimeBudgetSecondsParameter = SweepApiFields.TimeBudgetSecondsParameter;
    public const string ContinuationTokenParameter = SweepApiFields.ContinuationTokenParameter;
    public const string ProcessedOutput = SweepApiFields.ProcessedOutput;
    public const string MoreRecordsOutput = SweepApiFields.MoreRecordsOutput;
    public const string ContinuationTokenOutput = SweepApiFields.ContinuationTokenOutput;

    protected OwnerSweepPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    /// <summary>The declaration of one owner sweep API; <paramref name="sweep"/> says what differs.</summary>
    protected static CustomApiDeclaration Declare(OwnerSweepApi sweep)
    {
        return new CustomApiDeclaration(sweep.UniqueName, sweep.PluginType, sweep.DisplayName, sweep.Description)
        {
            Handler = context => Run(context, sweep),
            AllowedCustomProcessingStepType = CustomApiProcessingStepType.AsyncOnly,
            ExecutePrivilegeName = sweep.ExecutePrivilegeName,
            RequestParameters = new[]
            {
                new CustomApiField(AsOfParameter, CustomApiFieldType.DateTime, sweep.AsOfLabel, sweep.AsOfDescription)
                {
                    IsOptional = true,
                },
                new CustomApiField(
                    PageSizeParameter,
                    CustomApiFieldType.Integer,
                    new LocalizedText("每页业主数", "Page size"),
                    new LocalizedText($"每次读取的业主数(1–{sweep.MaxPageSize}),默认 {sweep.DefaultPageSize}。", $"Owners read per page (1-{sweep.MaxPageSize}), default {sweep.DefaultPageSize}."))
                {
                    IsOptional = true,
                },
                SweepApiFields.TimeBudgetInput(new LocalizedText(
                    "本次调用最多运行的秒数(0–100,默认 60);0 只处理一位业主。",
                    "Seconds this call may run (0-100, default 60); 0 handles a single owner.")),
                SweepApiFields.ContinuationTokenInput(),
            },
            ResponseProperties = new[]
            {
                SweepApiFields.ProcessedResult(sweep.ProcessedDescription),
                sweep.CountOutput,
                SweepApiFields.MoreRecordsResult(new LocalizedText("时间预算用完时仍有待处理业主:请带令牌再调用。", "Owners remain after the time budget: call again with the token.")),
                SweepApiFields.ContinuationTokenResult(new LocalizedText("下次调用传入以接着处理;处理完时为空。", "Pass it to the next call to resume; empty when done.")),
            },
        };
    }

    private static void Run(ILocalPluginContext context, OwnerSweepApi sweep)
    {
        // Started first: the budget counts from the moment the platform handed the request to the plug-in.
        var started = Stopwatch.StartNew();
        var execution = context.PluginExecutionContext;
        var arguments = LoyaltySweepInput.Read(execution, AsOfParameter, PageSizeParameter, TimeBudgetSecondsParameter, ContinuationTokenParameter);
        var result = sweep.Run(context.Scope, arguments, started);
        execution.OutputParameters[ProcessedOutput] = result.Processed;
        execution.OutputParameters[sweep.CountOutput.UniqueName] = sweep.Count(result);
        execution.OutputParameters[MoreRecordsOutput] = result.MoreRecords;
        execution.OutputParameters[ContinuationTokenOutput] = result.Continuation?.ToString() ?? string.Empty;
    }
}
