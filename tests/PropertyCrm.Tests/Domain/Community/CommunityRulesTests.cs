using PropertyCrm.Domain;
using PropertyCrm.Domain.Community;

namespace PropertyCrm.Tests.Domain.Community;

public sealed class CommunityRulesTests
{
    [Theory]
    [InlineData(null, SuggestionState.Received, null, null)]
    [InlineData(SuggestionState.Received, SuggestionState.Answered, "答复", null)]
    [InlineData(SuggestionState.Received, SuggestionState.Adopted, "答复", null)]
    [InlineData(SuggestionState.Answered, SuggestionState.Declined, "答复", null)]
    [InlineData(SuggestionState.Received, SuggestionState.Answered, " ", CommunityErrorCodes.AnswerRequired)]
    [InlineData(SuggestionState.Answered, SuggestionState.Received, "答复", CommunityErrorCodes.SuggestionTransition)]
    [InlineData(SuggestionState.Adopted, SuggestionState.Declined, "答复", CommunityErrorCodes.SuggestionTransition)]
    [InlineData(SuggestionState.Declined, SuggestionState.Declined, "答复", null)]
    public void Check_Transition_AllowedOrRefused(SuggestionState? from, SuggestionState to, string? answer, string? refusal)
    {
        var error = Record.Exception(() => SuggestionRules.Check(from, to, answer));

        Assert.Equal(refusal, (error as DomainException)?.Code);
    }

    [Theory]
    [InlineData(null, AttendanceState.Registered, null)]
    [InlineData(AttendanceState.Registered, AttendanceState.CheckedIn, null)]
    [InlineData(AttendanceState.Cancelled, AttendanceState.Registered, null)]
    [InlineData(AttendanceState.CheckedIn, AttendanceState.Cancelled, CommunityErrorCodes.AttendanceTransition)]
    [InlineData(AttendanceState.CheckedIn, AttendanceState.Registered, CommunityErrorCodes.AttendanceTransition)]
    public void CheckTransition_Attendance_AllowedOrRefused(AttendanceState? from, AttendanceState to, string? refusal)
    {
        var error = Record.Exception(() => AttendanceRules.CheckTransition(from, to));

        Assert.Equal(refusal, (error as DomainException)?.Code);
    }

    [Theory]
    [InlineData(10, 9, AttendanceState.Registered, null)]
    [InlineData(10, 10, AttendanceState.Registered, CommunityErrorCodes.EventFull)]
    [InlineData(10, 10, AttendanceState.Cancelled, null)]
    [InlineData(null, 500, AttendanceState.CheckedIn, null)]
    public void CheckCapacity_LiveRegistrations_UpToTheCapacity(int? capacity, int taken, AttendanceState state, string? refusal)
    {
        var error = Record.Exception(() => AttendanceRules.CheckCapacity(capacity, taken, state));

        Assert.Equal(refusal, (error as DomainException)?.Code);
    }
}
