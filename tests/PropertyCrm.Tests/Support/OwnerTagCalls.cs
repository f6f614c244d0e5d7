namespace PropertyCrm.Tests.Support;

/// <summary>The owner tag step's calls inside one care planner call (OwnerTagStep).</summary>
internal static class OwnerTagCalls
{
    /// <summary>Per page with a household on it: rule tags (once per call), members, tenancies, check-ins, suggestions, links.</summary>
    public const int PageReads = 6;

    /// <summary>Per page without any household on it: the members query is skipped.</summary>
    public const int PageReadsWithoutHouseholds = PageReads - 1;

    /// <summary>The rule tags a first run creates (OwnerTagCatalog).</summary>
    public const int RuleTagsCreated = 12;
}
