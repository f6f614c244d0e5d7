namespace PropertyCrm.Domain.Loyalty.Tiers;

/// <summary>The highest tier an owner's figures earn today, with the figures and the reason.</summary>
public sealed record TierQualification
{
    internal TierQualification(
        OwnerTier tier,
        string reasonCode,
        BilingualText reason,
        bool heldBackByArrears,
        decimal paidLast12Months,
        int engagementPoints,
        int monthsInArrears)
    {
        Tier = tier;
        ReasonCode = reasonCode;
        ReasonText = reason;
        HeldBackByArrears = heldBackByArrears;
        PaidLast12Months = paidLast12Months;
        EngagementPoints = engagementPoints;
        MonthsInArrears = monthsInArrears;
    }

    public OwnerTier Tier { get; }

    /// <summary>Which rule decided, e.g. <see cref="TierReasonCodes.DiamondByFees"/>.</summary>
    public string ReasonCode { get; }

    /// <summary>"中文 / English", quoting the figures and thresholds.</summary>
    public string Reason => ReasonText.ToString();

    /// <summary>True when fees or engagement alone would earn a higher tier but arrears prevent it.</summary>
    public bool HeldBackByArrears { get; }

    public decimal PaidLast12Months { get; }

    public int EngagementPoints { get; }

    public int MonthsInArrears { get; }

    internal BilingualText ReasonText { get; }
}
