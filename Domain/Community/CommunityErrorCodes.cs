namespace PropertyCrm.Domain.Community;

/// <summary>Stable <see cref="DomainException.Code"/> values for community events and suggestions.</summary>
public static class CommunityErrorCodes
{
    public const string EventFull = "community.event.full";
    public const string AttendanceTransition = "community.attendance.transition";
    public const string SuggestionTransition = "community.suggestion.transition";
    public const string AnswerRequired = "community.suggestion.answer-required";
}
