namespace PropertyCrm.Domain.Loyalty.Tiers;

/// <summary>The outcome of one tier evaluation: what the figures earn, and what the owner's tier becomes.</summary>
public sealed record TierAssessment(OwnerTier Current, TierQualification Qualification, OwnerTier Tier, TierChange? Change);
