using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Schema.OptionSets;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Tests.Support;

// Owner tags and household members: members, hand tags, tenancies, event check-ins, suggestions (seeded, no pipeline).
internal sealed partial class DataProducer
{
    /// <summary>A member of <paramref name="household"/>; <paramref name="birthDate"/> is a minor's (field-secured).</summary>
    public Guid Member(Guid household, int ageBand, bool livesHere = true, string? birthDate = null, int relationship = HouseholdRelationship.Child) =>
        dataverse.Seed(new Entity(HouseholdMemberTable.LogicalName)
        {
            [HouseholdMemberTable.Columns.Name] = "成员 / Member " + Next(),
            [HouseholdMemberTable.Columns.Household] = new EntityReference(HouseholdTable.LogicalName, household),
            [HouseholdMemberTable.Columns.Relationship] = new OptionSetValue(relationship),
            [HouseholdMemberTable.Columns.AgeBand] = new OptionSetValue(ageBand),
            [HouseholdMemberTable.Columns.LivesHere] = livesHere,
            [HouseholdMemberTable.Columns.BirthDate] = birthDate is null ? null : DateOnly(birthDate),
        });

    /// <summary>A tag row; no rule code makes it a hand tag.</summary>
    public Guid Tag(string name, string? ruleCode = null, int tagClass = TagClass.Other) => dataverse.Seed(new Entity(TagTable.LogicalName)
    {
        [TagTable.Columns.Name] = name,
        [TagTable.Columns.EnglishName] = name,
        [TagTable.Columns.TagClass] = new OptionSetValue(tagClass),
        [TagTable.Columns.RuleCode] = ruleCode,
    });

    /// <summary>An occupancy of <paramref name="owner"/> as 租户 tenant of a new unit.</summary>
    public Guid Tenancy(Guid owner, string start, string? end = null) => dataverse.Seed(new Entity(OccupancyTable.LogicalName)
    {
        [OccupancyTable.Columns.Name] = "租户 / Tenancy " + Next(),
        [OccupancyTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
        [OccupancyTable.Columns.Unit] = new EntityReference(UnitTable.LogicalName, UnitIn(BuildingWithButler(null))),
        [OccupancyTable.Columns.Role] = new OptionSetValue(OccupancyRole.Tenant),
        [OccupancyTable.Columns.StartDate] = DateOnly(start),
        [OccupancyTable.Columns.EndDate] = end is null ? null : DateOnly(end),
    });

    /// <summary>A check-in (签到) of <paramref name="owner"/> at a new event on <paramref name="date"/>.</summary>
    public Guid CheckIn(Guid owner, string date)
    {
        var communityEvent = dataverse.Seed(new Entity(CommunityEventTable.LogicalName)
        {
            [CommunityEventTable.Columns.Name] = "社区活动 / Event " + Next(),
            [CommunityEventTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, Property("项目 / Property " + Next())),
            [CommunityEventTable.Columns.EventType] = new OptionSetValue(CommunityEventType.Festival),
            [CommunityEventTable.Columns.StartsOn] = At(date),
        });
        return dataverse.Seed(new Entity(EventAttendanceTable.LogicalName)
        {
            [EventAttendanceTable.Columns.Name] = "报名 / Registration " + Next(),
            [EventAttendanceTable.Columns.Event] = new EntityReference(CommunityEventTable.LogicalName, communityEvent),
            [EventAttendanceTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
            [EventAttendanceTable.Columns.Status] = new OptionSetValue(AttendanceStatus.CheckedIn),
            [EventAttendanceTable.Columns.CheckedInOn] = At(date),
        });
    }

    /// <summary>A suggestion of <paramref name="owner"/> made on <paramref name="made"/>, adopted on <paramref name="adopted"/> when given.</summary>
    public Guid Suggestion(Guid owner, string made, string? adopted = null) => dataverse.Seed(new Entity(SuggestionTable.LogicalName)
    {
        [SuggestionTable.Columns.Name] = "建议 / Suggestion " + Next(),
        [SuggestionTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
        [SuggestionTable.Columns.Content] = "增设充电桩。",
        [SuggestionTable.Columns.Status] = new OptionSetValue(adopted is null ? SuggestionStatus.Received : SuggestionStatus.Adopted),
        [SuggestionTable.Columns.Answer] = adopted is null ? null : "已采纳 / Adopted.",
        [SuggestionTable.Columns.DecidedOn] = adopted is null ? null : At(adopted),
        [SuggestionTable.Columns.CreatedOn] = At(made),
    });
}
