namespace PropertyCrm.Domain.Loyalty.Points;

/// <summary>Stable codes explaining points outcomes; the plug-in traces them and tests assert on them.</summary>
public static class PointsReasonCodes
{
    public const string Awarded = "points.earn.awarded";
    public const string AwardedUpToCap = "points.earn.awarded-up-to-cap";
    public const string AlreadyApplied = "points.already-applied";
    public const string CapReached = "points.earn.cap-reached";
    public const string ServiceRequestsEarnNothing = "points.earn.service-request";
    public const string LatePaymentEarnsNothing = "points.earn.late-payment";
    public const string NoRule = "points.earn.no-rule";
    public const string RuleDisabled = "points.earn.rule-disabled";
    public const string TooSmall = "points.earn.too-small";
    public const string AlreadyExpired = "points.earn.already-expired";
    public const string Redeemed = "points.redeem.done";
    public const string Reversed = "points.reversal.done";
}
