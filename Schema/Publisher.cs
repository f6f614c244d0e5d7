namespace PropertyCrm.Schema;

/// <summary>The solution publisher's identity; every custom name and option value derives from it.</summary>
public static class Publisher
{
    public const string UniqueName = "PropertyCrm";
    public const string Prefix = "pcrm";

    /// <summary>Option values of every choice this publisher creates start at this value.</summary>
    public const int OptionValuePrefix = 54_821;

    /// <summary>First option value of a choice: the prefix times 10,000.</summary>
    public const int FirstOptionValue = OptionValuePrefix * 10_000;
}
