namespace PropertyCrm.Domain.Lifecycle;

/// <summary>
/// Thresholds for the care rules (按时缴费+高频报修 → maintenance reminder; 欠费+低互动 → care plan).
/// The sources name the combinations, not the numbers; these defaults are the product's.
/// </summary>
public sealed record CareRules
{
    public static CareRules Default { get; } = new CareRules();

    /// <summary>"Pays on time": at least this share of the last 12 months' bills paid by their due date, and
    /// nothing overdue now. 0.9 forgives one late bill in a year of monthly bills.</summary>
    public decimal OnTimeRatioAtLeast { get; init; } = 0.9m;

    /// <summary>"Frequent repairs": at least this many repair requests…</summary>
    public int FrequentRepairCount { get; init; } = 3;

    /// <summary>…within this many days up to the evaluation date (a quarter: one repair a month).</summary>
    public int FrequentRepairWindowDays { get; init; } = 90;

    /// <summary>"Low interaction": at most this many requests and activities together…</summary>
    public int LowInteractionAtMost { get; init; } = 1;

    /// <summary>…within this many days (half a year, as in 半年内无报事记录).</summary>
    public int LowInteractionWindowDays { get; init; } = 180;

    /// <summary>Days the butler has to start a care plan.</summary>
    public int CarePlanWithinDays { get; init; } = 7;

    /// <summary>Days the butler has for the one-to-one contact once an owner is at churn risk.</summary>
    public int RetentionContactWithinDays { get; init; } = 2;

    /// <summary>Refuses thresholds that cannot be applied.</summary>
    public CareRules Validate()
    {
        if (OnTimeRatioAtLeast < 0m || OnTimeRatioAtLeast > 1m
            || FrequentRepairCount < 1 || FrequentRepairWindowDays < 1
            || LowInteractionAtMost < 0 || LowInteractionWindowDays < 1
            || CarePlanWithinDays < 0 || RetentionContactWithinDays < 0)
        {
            throw new DomainException(
                LifecycleErrorCodes.InvalidRules,
                "关怀规则阈值无效 / The care rule thresholds are invalid.");
        }

        return this;
    }
}
