namespace PropertyCrm.Domain.Tags;

public static class OwnerTagErrorCodes
{
    public const string InvalidRules = "tags.invalid-rules";
}
