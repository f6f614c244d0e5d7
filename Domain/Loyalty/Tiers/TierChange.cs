namespace PropertyCrm.Domain.Loyalty.Tiers;

/// <summary>A tier change to write to the owner and to the tier history, with its reason.</summary>
public sealed record TierChange
{
    internal TierChange(OwnerTier from, OwnerTier to, ChinaDate effectiveOn, string reasonCode, BilingualText reason)
    {
        From = from;
        To = to;
        EffectiveOn = effectiveOn;
        ReasonCode = reasonCode;
        Reason = reason.ToString();
    }

    public OwnerTier From { get; }

    public OwnerTier To { get; }

    public bool IsUpgrade => To > From;

    /// <summary>The China date of the evaluation that made the change.</summary>
    public ChinaDate EffectiveOn { get; }

    /// <summary><see cref="TierReasonCodes.Upgraded"/> or <see cref="TierReasonCodes.DowngradedAtReview"/>.</summary>
    public string ReasonCode { get; }

    /// <summary>"中文 / English", quoting the qualification that caused it.</summary>
    public string Reason { get; }
}
