using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Schema.OptionSets;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Community;

/// <summary>Community events (报名 → 签到, points once) and suggestions (answer due in 5 working days, adoption points once).</summary>
public sealed class CommunityTests
{
    private readonly Bed bed = new();

    [Fact]
    public void CheckIn_AwardsTheEventPointsOnceAndStampsTheTime()
    {
        var owner = bed.Data.Owner();
        var attendance = bed.Register(owner, bed.Event(capacity: 10));

        bed.SetAttendance(attendance, AttendanceStatus.CheckedIn);
        bed.SetAttendance(attendance, AttendanceStatus.CheckedIn);

        var entry = Assert.Single(bed.Entries(owner));
        Assert.Equal(50, entry.GetAttributeValue<int>(PointsEntryTable.Columns.Points));
        Assert.Equal(EarnRule.CommunityEventAttended, entry.GetAttributeValue<OptionSetValue>(PointsEntryTable.Columns.Rule).Value);
        Assert.Equal(50, bed.Dataverse.Peek(ContactTable.LogicalName, owner)!.GetAttributeValue<int>(ContactTable.Columns.PointsBalance));
        Assert.NotNull(bed.Dataverse.Peek(EventAttendanceTable.LogicalName, attendance)!.GetAttributeValue<DateTime?>(EventAttendanceTable.Columns.CheckedInOn));
    }

    [Fact]
    public void Cancel_AfterCheckIn_RefusedBilinguallyAndPointsKept()
    {
        var owner = bed.Data.Owner();
        var attendance = bed.Register(owner, bed.Event(capacity: null));
        bed.SetAttendance(attendance, AttendanceStatus.CheckedIn);

        var fault = Assert.Throws<DataverseFaultException>(() => bed.SetAttendance(attendance, AttendanceStatus.Cancelled));

        Assert.Contains("已签到", fault.Message, StringComparison.Ordinal);
        Assert.Contains("checked-in", fault.Message, StringComparison.Ordinal);
        Assert.Single(bed.Entries(owner));
    }

    [Fact]
    public void Register_EventFull_RefusedAndNothingSaved()
    {
        var communityEvent = bed.Event(capacity: 1);
        bed.Register(bed.Data.Owner(), communityEvent);

        var fault = Assert.Throws<DataverseFaultException>(() => bed.Register(bed.Data.Owner(), communityEvent));

        Assert.Contains("名额已满", fault.Message, StringComparison.Ordinal);
        Assert.Equal(1, bed.Dataverse.Count(EventAttendanceTable.LogicalName));
    }

    [Fact]
    public void Suggestion_Created_ReceivedAndDueInFiveWorkingDays()
    {
        bed.Dataverse.Clock.SetClock(new DateTime(2025, 1, 6, 1, 0, 0, DateTimeKind.Utc));

        var suggestion = bed.Suggest(bed.Data.Owner());

        var row = bed.Dataverse.Peek(SuggestionTable.LogicalName, suggestion)!;
        Assert.Equal(SuggestionStatus.Received, row.GetAttributeValue<OptionSetValue>(SuggestionTable.Columns.Status).Value);

        // Monday 09:00 China + 5 working days of 9 hours on cn-workdays: Friday 18:00 China.
        Assert.Equal(new DateTime(2025, 1, 10, 10, 0, 0, DateTimeKind.Utc), row.GetAttributeValue<DateTime>(SuggestionTable.Columns.AnswerDue));
        Assert.Null(row.GetAttributeValue<DateTime?>(SuggestionTable.Columns.AnsweredOn));
    }

    [Fact]
    public void Suggestion_AdoptedWithAnAnswer_AwardsOnceAndTheDecisionIsFinal()
    {
        var owner = bed.Data.Owner();
        var suggestion = bed.Suggest(owner);

        var unanswered = Assert.Throws<DataverseFaultException>(() => bed.SetSuggestion(suggestion, SuggestionStatus.Adopted, null));
        Assert.Contains("须填写答复", unanswered.Message, StringComparison.Ordinal);
        bed.SetSuggestion(suggestion, SuggestionStatus.Answered, "感谢建议,物业将评估增设充电桩。");
        bed.SetSuggestion(suggestion, SuggestionStatus.Adopted, "已采纳:下月起增设 20 个充电桩。");
        bed.SetSuggestion(suggestion, SuggestionStatus.Adopted, "已采纳:下月起增设 24 个充电桩。");

        var entry = Assert.Single(bed.Entries(owner));
        Assert.Equal(100, entry.GetAttributeValue<int>(PointsEntryTable.Columns.Points));
        var row = bed.Dataverse.Peek(SuggestionTable.LogicalName, suggestion)!;
        Assert.NotNull(row.GetAttributeValue<DateTime?>(SuggestionTable.Columns.AnsweredOn));
        Assert.NotNull(row.GetAttributeValue<DateTime?>(SuggestionTable.Columns.DecidedOn));
        Assert.Throws<DataverseFaultException>(() => bed.SetSuggestion(suggestion, SuggestionStatus.Declined, "不采纳"));
    }

    private sealed class Bed : DataverseTestBase
    {
        public Guid Event(int? capacity)
        {
            var row = new Entity(CommunityEventTable.LogicalName)
            {
                [CommunityEventTable.Columns.Name] = "中秋游园会 / Mid-Autumn fair",
                [CommunityEventTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, Data.Property("项目 / Property")),
                [CommunityEventTable.Columns.EventType] = new OptionSetValue(CommunityEventType.Festival),
                [CommunityEventTable.Columns.StartsOn] = new DateTime(2025, 1, 20, 10, 0, 0, DateTimeKind.Utc),
                [CommunityEventTable.Columns.Capacity] = capacity,
            };
            return Dataverse.Seed(row);
        }

        public Guid Register(Guid owner, Guid communityEvent) => Service.Create(new Entity(EventAttendanceTable.LogicalName)
        {
            [EventAttendanceTable.Columns.Name] = "报名 / Registration",
            [EventAttendanceTable.Columns.Event] = new EntityReference(CommunityEventTable.LogicalName, communityEvent),
            [EventAttendanceTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
        });

        public void SetAttendance(Guid attendance, int status) =>
            Service.Update(new Entity(EventAttendanceTable.LogicalName, attendance) { [EventAttendanceTable.Columns.Status] = new OptionSetValue(status) });

        public Guid Suggest(Guid owner) => Service.Create(new Entity(SuggestionTable.LogicalName)
        {
            [SuggestionTable.Columns.Name] = "增设充电桩 / More EV chargers",
            [SuggestionTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
            [SuggestionTable.Columns.Content] = "地下车库充电桩太少。",
        });

        public void SetSuggestion(Guid suggestion, int status, string? answer) =>
            Service.Update(new Entity(SuggestionTable.LogicalName, suggestion)
            {
                [SuggestionTable.Columns.Status] = new OptionSetValue(status),
                [SuggestionTable.Columns.Answer] = answer,
            });

        public Entity[] Entries(Guid owner) => Dataverse.PeekAll(PointsEntryTable.LogicalName)
            .Where(e => e.GetAttributeValue<EntityReference>(PointsEntryTable.Columns.Contact)?.Id == owner)
            .ToArray();
    }
}
