using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Tags;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;
using AttendanceStatus = PropertyCrm.Schema.OptionSets.AttendanceStatus;
using OccupancyRole = PropertyCrm.Schema.OptionSets.OccupancyRole;
using SuggestionStatus = PropertyCrm.Schema.OptionSets.SuggestionStatus;

namespace PropertyCrm.Plugins.Logic.Care;

/// <summary>
/// What the owner tag rules need beyond the care page (<see cref="CarePage"/>), read with one query each for the whole page:
/// the rule tags (created once when missing), the household members, the tenancies, the event check-ins, the suggestions
/// and the owners' current links to rule tags (the N:N intersect). Calls: 1 read (the rule tags; 12 writes the first time
/// only) + 5 reads when the page has owners (members only when a household is on the page).
/// </summary>
public sealed class OwnerTagPage
{
    private OwnerTagPage(
        RuleTags tags,
        Dictionary<Guid, List<HouseholdMemberFact>> members,
        HashSet<Guid> tenants,
        Dictionary<Guid, List<ChinaDate>> checkIns,
        Dictionary<Guid, List<ChinaDate>> suggestions,
        Dictionary<Guid, List<ChinaDate>> adopted,
        Dictionary<Guid, HashSet<Guid>> links)
    {
        Tags = tags;
        Members = members;
        Tenants = tenants;
        CheckIns = checkIns;
        Suggestions = suggestions;
        Adopted = adopted;
        Links = links;
    }

    public RuleTags Tags { get; }

    public Dictionary<Guid, List<HouseholdMemberFact>> Members { get; }

    public HashSet<Guid> Tenants { get; }

    public Dictionary<Guid, List<ChinaDate>> CheckIns { get; }

    public Dictionary<Guid, List<ChinaDate>> Suggestions { get; }

    public Dictionary<Guid, List<ChinaDate>> Adopted { get; }

    /// <summary>Per owner, the rule tags (ids) linked to them now.</summary>
    public Dictionary<Guid, HashSet<Guid>> Links { get; }

    public static OwnerTagPage Read(IOrganizationService service, CarePage page, RuleTags tags, ChinaDate day, OwnerTagRules rules)
    {
        var ids = page.Owners.Select(o => o.Id).ToList();
        if (ids.Count == 0)
        {
            return new OwnerTagPage(tags, new(), new(), new(), new(), new(), new());
        }

        var since = day.AddDays(-rules.LongestWindowDays);
        var suggestions = ReadSuggestions(service, ids, since, day);
        return new OwnerTagPage(
            tags,
            ReadMembers(service, page),
            ReadTenants(service, ids, day),
            ReadCheckIns(service, ids, since, day),
            suggestions.Made,
            suggestions.Adopted,
            ReadLinks(service, ids, tags));
    }

    private static Dictionary<Guid, List<HouseholdMemberFact>> ReadMembers(IOrganizationService service, CarePage page)
    {
        var byOwner = new Dictionary<Guid, List<HouseholdMemberFact>>();
        var households = page.Households.ToDictionary(p => p.Value.Id, p => p.Key);
        if (households.Count == 0)
        {
            return byOwner;
        }

        var query = new QueryExpression(HouseholdMemberTable.LogicalName)
        {
            ColumnSet = new ColumnSet(
                HouseholdMemberTable.Columns.Household,
                HouseholdMemberTable.Columns.AgeBand,
                HouseholdMemberTable.Columns.LivesHere,
                HouseholdMemberTable.Columns.BirthDate),
        };
        query.Criteria.AddCondition(HouseholdMemberTable.Columns.Household, ConditionOperator.In, households.Keys.Cast<object>().ToArray());
        query.Criteria.AddCondition(HouseholdMemberTable.Columns.StateCode, ConditionOperator.Equal, 0);
        query.AddOrder(HouseholdMemberTable.PrimaryId, OrderType.Ascending);
        foreach (var row in service.RetrieveAll(query))
        {
            if (row.GetAttributeValue<EntityReference>(HouseholdMemberTable.Columns.Household)?.Id is Guid household
                && households.TryGetValue(household, out var owner))
            {
                Add(byOwner, owner, new HouseholdMemberFact(
                    OptionValues.Read<MemberAgeBand>(row, HouseholdMemberTable.Columns.AgeBand),
                    row.GetAttributeValue<bool?>(HouseholdMemberTable.Columns.LivesHere) != false,
                    row.GetAttributeValue<DateTime?>(HouseholdMemberTable.Columns.BirthDate) is DateTime born ? FeeMapping.ToDate(born) : null));
            }
        }

        return byOwner;
    }

    // 租户: an active occupancy as tenant that has started and not ended on the day.
    private static HashSet<Guid> ReadTenants(IOrganizationService service, IReadOnlyCollection<Guid> ids, ChinaDate day)
    {
        var query = new QueryExpression(OccupancyTable.LogicalName)
        {
            ColumnSet = new ColumnSet(OccupancyTable.Columns.Contact, OccupancyTable.Columns.StartDate, OccupancyTable.Columns.EndDate),
        };
        query.Criteria.AddCondition(OccupancyTable.Columns.Contact, ConditionOperator.In, ids.Cast<object>().ToArray());
        query.Criteria.AddCondition(OccupancyTable.Columns.Role, ConditionOperator.Equal, OccupancyRole.Tenant);
        query.Criteria.AddCondition(OccupancyTable.Columns.StateCode, ConditionOperator.Equal, 0);
        query.AddOrder(OccupancyTable.PrimaryId, OrderType.Ascending);
        var tenants = new HashSet<Guid>();
        foreach (var row in service.RetrieveAll(query))
        {
            var start = row.GetAttributeValue<DateTime?>(OccupancyTable.Columns.StartDate) is DateTime s ? FeeMapping.ToDate(s) : (ChinaDate?)null;
            var end = row.GetAttributeValue<DateTime?>(OccupancyTable.Columns.EndDate) is DateTime e ? FeeMapping.ToDate(e) : (ChinaDate?)null;
            if (row.GetAttributeValue<EntityReference>(OccupancyTable.Columns.Contact)?.Id is Guid owner
                && (start is not ChinaDate from || from <= day)
                && (end is not ChinaDate until || day < until))
            {
                tenants.Add(owner);
            }
        }

        return tenants;
    }

    private static Dictionary<Guid, List<ChinaDate>> ReadCheckIns(IOrganizationService service, IReadOnlyCollection<Guid> ids, ChinaDate since, ChinaDate day)
    {
        var query = new QueryExpression(EventAttendanceTable.LogicalName)
        {
            ColumnSet = new ColumnSet(EventAttendanceTable.Columns.Contact, EventAttendanceTable.Columns.CheckedInOn),
        };
        query.Criteria.AddCondition(EventAttendanceTable.Columns.Contact, ConditionOperator.In, ids.Cast<object>().ToArray());
        query.Criteria.AddCondition(EventAttendanceTable.Columns.Status, ConditionOperator.Equal, AttendanceStatus.CheckedIn);
        query.Criteria.AddCondition(EventAttendanceTable.Columns.CheckedInOn, ConditionOperator.GreaterEqual, since.StartInstant.UtcDateTime);
        query.Criteria.AddCondition(EventAttendanceTable.Columns.CheckedInOn, ConditionOperator.LessThan, day.EndInstant.UtcDateTime);
        query.AddOrder(EventAttendanceTable.PrimaryId, OrderType.Ascending);
        var byOwner = new Dictionary<Guid, List<ChinaDate>>();
        foreach (var row in service.RetrieveAll(query))
        {
            if (row.GetAttributeValue<EntityReference>(EventAttendanceTable.Columns.Contact)?.Id is Guid owner
                && row.GetAttributeValue<DateTime?>(EventAttendanceTable.Columns.CheckedInOn) is DateTime at)
            {
                Add(byOwner, owner, LifecycleMapping.ToDate(at));
            }
        }

        return byOwner;
    }

    // Suggestions made in the window (沉睡 counts them as activity) and those adopted in it (意见领袖), one query.
    private static SuggestionDays ReadSuggestions(
        IOrganizationService service,
        IReadOnlyCollection<Guid> ids,
        ChinaDate since,
        ChinaDate day)
    {
        var query = new QueryExpression(SuggestionTable.LogicalName)
        {
            ColumnSet = new ColumnSet(SuggestionTable.Columns.Contact, SuggestionTable.Columns.CreatedOn, SuggestionTable.Columns.Status, SuggestionTable.Columns.DecidedOn),
        };
        query.Criteria.AddCondition(SuggestionTable.Columns.Contact, ConditionOperator.In, ids.Cast<object>().ToArray());
        var recent = new FilterExpression(LogicalOperator.Or);
        recent.AddCondition(SuggestionTable.Columns.CreatedOn, ConditionOperator.GreaterEqual, since.StartInstant.UtcDateTime);
        recent.AddCondition(SuggestionTable.Columns.DecidedOn, ConditionOperator.GreaterEqual, since.StartInstant.UtcDateTime);
        query.Criteria.AddFilter(recent);
        query.AddOrder(SuggestionTable.PrimaryId, OrderType.Ascending);
        var days = new SuggestionDays();
        var made = days.Made;
        var adopted = days.Adopted;
        foreach (var row in service.RetrieveAll(query))
        {
            if (row.GetAttributeValue<EntityReference>(SuggestionTable.Columns.Contact)?.Id is not Guid owner)
            {
                continue;
            }

            if (row.GetAttributeValue<DateTime?>(SuggestionTable.Columns.CreatedOn) is DateTime created && LifecycleMapping.ToDate(created) <= day)
            {
                Add(made, owner, LifecycleMapping.ToDate(created));
            }

            if (row.GetAttributeValue<OptionSetValue>(SuggestionTable.Columns.Status)?.Value == SuggestionStatus.Adopted
                && row.GetAttributeValue<DateTime?>(SuggestionTable.Columns.DecidedOn) is DateTime decided)
            {
                Add(adopted, owner, LifecycleMapping.ToDate(decided));
            }
        }

        return days;
    }

    private static Dictionary<Guid, HashSet<Guid>> ReadLinks(IOrganizationService service, IReadOnlyCollection<Guid> ids, RuleTags tags)
    {
        var links = new Dictionary<Guid, HashSet<Guid>>();
        var tagIds = tags.AllIds;
        if (tagIds.Count == 0)
        {
            return links;
        }

        var query = new QueryExpression(TagTable.ManyToMany.IntersectTable)
        {
            ColumnSet = new ColumnSet(TagTable.ManyToMany.ContactId, TagTable.ManyToMany.TagId),
        };
        query.Criteria.AddCondition(TagTable.ManyToMany.ContactId, ConditionOperator.In, ids.Cast<object>().ToArray());
        query.Criteria.AddCondition(TagTable.ManyToMany.TagId, ConditionOperator.In, tagIds.Cast<object>().ToArray());
        foreach (var row in service.RetrieveAll(query))
        {
            if (row.GetAttributeValue<Guid?>(TagTable.ManyToMany.ContactId) is Guid owner && row.GetAttributeValue<Guid?>(TagTable.ManyToMany.TagId) is Guid tag)
            {
                if (!links.TryGetValue(owner, out var set))
                {
                    set = new HashSet<Guid>();
                    links[owner] = set;
                }

                set.Add(tag);
            }
        }

        return links;
    }

    private static void Add<T>(Dictionary<Guid, List<T>> map, Guid owner, T value)
    {
        if (!map.TryGetValue(owner, out var list))
        {
            list = new List<T>();
            map[owner] = list;
        }

        list.Add(value);
    }

    private sealed class SuggestionDays
    {
        public Dictionary<Guid, List<ChinaDate>> Made { get; } = new();

        public Dictionary<Guid, List<ChinaDate>> Adopted { get; } = new();
    }
}
