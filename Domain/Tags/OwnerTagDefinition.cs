namespace PropertyCrm.Domain.Tags;

/// <summary>A rule tag as the planner creates it when missing: code, names in both languages, class.</summary>
public sealed class OwnerTagDefinition
{
    public OwnerTagDefinition(OwnerTagRule rule, string code, string chineseName, string englishName, OwnerTagClass tagClass)
    {
        Rule = rule;
        Code = code;
        ChineseName = chineseName;
        EnglishName = englishName;
        Class = tagClass;
    }

    public OwnerTagRule Rule { get; }

    /// <summary>The rule code on the tag row (<c>pcrm_rulecode</c>), lower-case ASCII.</summary>
    public string Code { get; }

    public string ChineseName { get; }

    public string EnglishName { get; }

    public OwnerTagClass Class { get; }
}
