using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Kpis;
using PropertyCrm.Schema.Tables;
using Choices = PropertyCrm.Schema.OptionSets;

namespace PropertyCrm.Simulation;

/// <summary>
/// Community events and owner suggestions, played through the real plug-ins so that 活动参与率, 建议回复率 and 建议采纳率 have
/// rows: each month every property holds one event on a Saturday (capacity 6% of its households), owners register through
/// the desk in the weeks before it and three in four of them check in; suggestions arrive at ~0.03 per household per month,
/// three in four are answered within days and most answered ones are later adopted or declined.
/// </summary>
public sealed partial class Simulator
{
    private const double RegistrationsPerHousehold = 0.06;

    private const double SuggestionsPerHouseholdMonth = 0.03;

    private static readonly int[] EventTypes =
    {
        Choices.CommunityEventType.Festival, Choices.CommunityEventType.Family, Choices.CommunityEventType.ElderlyCare,
        Choices.CommunityEventType.Sports, Choices.CommunityEventType.Volunteering, Choices.CommunityEventType.TalkOrClass,
    };

    private static readonly string[] Ideas =
    {
        "增设充电桩 more EV chargers", "儿童游乐区加装遮阳 shade for the playground", "快递柜扩容 more parcel lockers",
        "夜间巡逻加密 more night patrols", "垃圾分类指导 sorting guidance", "健身器材维护 gym equipment upkeep",
    };

    private void CommunityMonth(KpiMonth month)
    {
        foreach (var property in company.Properties.Select((p, i) => (p, i)))
        {
            var households = company.Households.Where(h => h.Property == property.i).ToList();
            HoldEvent(month, property.p, households);
            var suggestions = Poisson(households.Count * SuggestionsPerHouseholdMonth);
            for (var n = 0; n < suggestions; n++)
            {
                var household = households[random.Next(households.Count)];
                var at = month.StartUtc.AddDays(random.NextDouble() * ((month.EndUtc - month.StartUtc).TotalDays - 1)).AddHours(1);
                At(at, () => Suggest(property.p, household));
            }
        }
    }

    private void HoldEvent(KpiMonth month, SimProperty property, List<Household> households)
    {
        // The second Saturday of the month, 10:00 China time (02:00 UTC).
        var day = month.FirstDay.AddDays(7);
        while (day.DayOfWeek != DayOfWeek.Saturday)
        {
            day = day.AddDays(1);
        }

        var startsOn = DateTime.SpecifyKind(day, DateTimeKind.Utc).AddHours(2);
        var capacity = Math.Max(5, (int)Math.Round(households.Count * 0.06));
        var organiser = NextAgent(property);
        var type = EventTypes[(month.Month - 1) % EventTypes.Length];
        if (Create("13 社区活动 community event", organiser, new Entity(CommunityEventTable.LogicalName)
        {
            [CommunityEventTable.Columns.Name] = $"{month} 社区活动 community event",
            [CommunityEventTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, property.Id),
            [CommunityEventTable.Columns.EventType] = new OptionSetValue(type),
            [CommunityEventTable.Columns.StartsOn] = startsOn,
            [CommunityEventTable.Columns.Capacity] = capacity,
        }) is not Guid communityEvent)
        {
            return;
        }

        // Registrations through the desk before the event; the desk stops at the capacity (the product would refuse more).
        var registering = households.Where(_ => random.NextDouble() < RegistrationsPerHousehold).Take(capacity).ToList();
        foreach (var household in registering)
        {
            var at = Now.AddHours(1 + random.NextDouble() * Math.Max(1, (startsOn - Now).TotalHours - 2));
            At(at, () => Register(property, household, communityEvent, startsOn));
        }
    }

    private void Register(SimProperty property, Household household, Guid communityEvent, DateTime startsOn)
    {
        var agent = NextAgent(property);
        if (Create("14 活动报名 event registration", agent, new Entity(EventAttendanceTable.LogicalName)
        {
            [EventAttendanceTable.Columns.Name] = "报名 registration " + household.UnitName,
            [EventAttendanceTable.Columns.Event] = new EntityReference(CommunityEventTable.LogicalName, communityEvent),
            [EventAttendanceTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, household.Owner),
        }) is not Guid attendance)
        {
            return;
        }

        if (random.NextDouble() < 0.75)
        {
            At(startsOn.AddMinutes(random.Next(0, 90)), () => Update("15 活动签到 event check-in", agent, new Entity(EventAttendanceTable.LogicalName, attendance)
            {
                [EventAttendanceTable.Columns.Status] = new OptionSetValue(Choices.AttendanceStatus.CheckedIn),
            }));
        }
    }

    private void Suggest(SimProperty property, Household household)
    {
        var agent = NextAgent(property);
        if (Create("16 业主建议 suggestion", agent, new Entity(SuggestionTable.LogicalName)
        {
            [SuggestionTable.Columns.Name] = Ideas[random.Next(Ideas.Length)],
            [SuggestionTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, household.Owner),
            [SuggestionTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, property.Id),
            [SuggestionTable.Columns.Content] = "业主来电提出建议 the owner called in a suggestion",
        }) is not Guid suggestion)
        {
            return;
        }

        if (random.NextDouble() >= 0.75)
        {
            return; // never answered: the backlog 建议回复率 shows
        }

        At(Now.AddHours(random.Next(4, 120)), () =>
        {
            if (!Update("17 建议答复 suggestion answered", agent, SuggestionUpdate(suggestion, Choices.SuggestionStatus.Answered, "已收到，正在评估 received, being assessed")))
            {
                return;
            }

            if (random.NextDouble() < 0.8)
            {
                var adopted = random.NextDouble() < 0.4;
                At(Now.AddHours(random.Next(24, 240)), () => Update(
                    "18 建议决定 suggestion decided",
                    property.Manager,
                    SuggestionUpdate(suggestion, adopted ? Choices.SuggestionStatus.Adopted : Choices.SuggestionStatus.Declined, adopted ? "采纳，下月实施 adopted" : "暂不采纳，已说明原因 declined with reasons")));
            }
        });
    }

    private static Entity SuggestionUpdate(Guid suggestion, int status, string answer) => new(SuggestionTable.LogicalName, suggestion)
    {
        [SuggestionTable.Columns.Status] = new OptionSetValue(status),
        [SuggestionTable.Columns.Answer] = answer,
    };
}
