namespace PropertyCrm.Domain.Collection;

/// <summary>挽留 retention case: it closes only with an outcome (已挽留 retained / 已流失 left).</summary>
public static class RetentionCaseRules
{
    public static void EnsureCanClose(bool hasOutcome)
    {
        if (!hasOutcome)
        {
            throw new DomainException(
                CollectionErrorCodes.RetentionOutcomeRequired,
                "关闭挽留案例前请填写挽留结果(已挽留 / 已流失) / Record the outcome (retained / left) before closing the retention case.");
        }
    }

    /// <summary>The case's key for one churn-risk episode: "owner|yyyyMMdd" of the day the risk began.</summary>
    public static string Key(string ownerKey, Loyalty.ChinaDate riskSince) =>
        $"{ownerKey}|{riskSince.Year:0000}{riskSince.Month:00}{riskSince.Day:00}";
}
