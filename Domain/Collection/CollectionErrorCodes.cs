namespace PropertyCrm.Domain.Collection;

/// <summary>Error codes of the 催缴 ladder, owner messages and retention cases.</summary>
public static class CollectionErrorCodes
{
    public const string InvalidLadder = "collection.invalid-ladder";

    public const string MarketingConsentRequired = "pipl.marketing-consent-required";

    public const string RetentionOutcomeRequired = "retention.outcome-required";
}
