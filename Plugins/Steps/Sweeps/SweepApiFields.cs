using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Plugins.Steps.Sweeps;

/// <summary>
/// The inputs and outputs every sweep Custom API shares (SLA sweep and the owner sweeps): one name each, one
/// continuation-token input. Each API keeps its own descriptions where the texts say what it sweeps.
/// </summary>
public static class SweepApiFields
{
    public const string TimeBudgetSecondsParameter = "TimeBudgetSeconds";
    public const string ContinuationTokenParameter = "ContinuationToken";
    public const string ProcessedOutput = "Processed";
    public const string MoreRecordsOutput = "MoreRecords";
    public const string ContinuationTokenOutput = "ContinuationToken";

    public static CustomApiField TimeBudgetInput(LocalizedText description) =>
        new(TimeBudgetSecondsParameter, CustomApiFieldType.Integer, new LocalizedText("时间预算(秒)", "Time budget (seconds)"), description)
        {
            IsOptional = true,
        };

    public static CustomApiField ContinuationTokenInput() =>
        new(
            ContinuationTokenParameter,
            CustomApiFieldType.String,
            new LocalizedText("续扫令牌", "Continuation token"),
            new LocalizedText("上次调用返回的令牌,用于接着处理。", "The token a previous call returned, to resume after it."))
        {
            MaxLength = CustomApiField.ContinuationTokenMaxLength,
            IsOptional = true,
        };

    public static CustomApiField ProcessedResult(LocalizedText description) =>
        new(ProcessedOutput, CustomApiFieldType.Integer, new LocalizedText("已处理", "Processed"), description);

    public static CustomApiField MoreRecordsResult(LocalizedText description) =>
        new(MoreRecordsOutput, CustomApiFieldType.Boolean, new LocalizedText("还有更多", "More records"), description);

    public static CustomApiField ContinuationTokenResult(LocalizedText description) =>
        new(ContinuationTokenOutput, CustomApiFieldType.String, new LocalizedText("续扫令牌", "Continuation token"), description);
}
