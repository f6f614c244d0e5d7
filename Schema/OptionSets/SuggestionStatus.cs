namespace PropertyCrm.Schema.OptionSets;

/// <summary>Local choice Suggestion Status (处理状态) of pcrm_suggestion.</summary>
public static class SuggestionStatus
{
    public const string Name = "pcrm_suggestion_pcrm_suggestionstatus";

    /// <summary>已收到 / Received</summary>
    public const int Received = 548210001;

    /// <summary>已回复 / Answered</summary>
    public const int Answered = 548210002;

    /// <summary>已采纳 / Adopted</summary>
    public const int Adopted = 548210003;

    /// <summary>未采纳 / Declined</summary>
    public const int Declined = 548210004;
}
