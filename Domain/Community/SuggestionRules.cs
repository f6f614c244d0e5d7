namespace PropertyCrm.Domain.Community;

/// <summary>A suggestion's status: received → answered → adopted / declined.</summary>
public enum SuggestionState
{
    Received = 1,
    Answered = 2,
    Adopted = 3,
    Declined = 4,
}

/// <summary>
/// The suggestion workflow as pure rules. Answering, adopting and declining all need the answer the owner receives;
/// an adopted or declined suggestion is decided (its points, if adopted, are awarded) and cannot go back.
/// </summary>
public static class SuggestionRules
{
    /// <summary>Working days the owner is promised an answer in (the documents: only 18% were answered at all).</summary>
    public const int AnswerWithinWorkingDays = 5;

    public static void Check(SuggestionState? from, SuggestionState to, string? answer)
    {
        var decided = from is SuggestionState.Adopted or SuggestionState.Declined;
        if ((decided && to != from) || (from is SuggestionState.Answered && to == SuggestionState.Received))
        {
            throw new DomainException(
                CommunityErrorCodes.SuggestionTransition,
                $"建议状态不能从 {from} 改为 {to} / A suggestion cannot go from {from} to {to}.");
        }

        if (to != SuggestionState.Received && string.IsNullOrWhiteSpace(answer))
        {
            throw new DomainException(
                CommunityErrorCodes.AnswerRequired,
                "回复、采纳或不采纳建议时须填写答复 / Answering, adopting or declining a suggestion needs the answer to the owner.");
        }
    }

    /// <summary>Whether a change to <paramref name="to"/> is the first answer (stamps Answered On).</summary>
    public static bool IsFirstAnswer(SuggestionState? from, SuggestionState to) =>
        (from is null or SuggestionState.Received) && to != SuggestionState.Received;

    public static bool IsDecision(SuggestionState? from, SuggestionState to) =>
        from != to && to is SuggestionState.Adopted or SuggestionState.Declined;
}
