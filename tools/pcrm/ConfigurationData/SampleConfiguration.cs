using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.SampleCompany;
using PropertyCrm.Schema.Tables;
using Choices = PropertyCrm.Schema.OptionSets;

namespace PropertyCrm.Cli.ConfigurationData;

/// <summary>
/// `pcrm data push --sample`: a small deterministic company for a demo or training environment. The company is the one
/// `pcrm simulate` plays (<see cref="CompanyPlan"/>, seed <see cref="Seed"/>, <see cref="PropertyCount"/> properties,
/// <see cref="UnitCount"/> units): properties, buildings, units, synthetic owners and family members (a common surname,
/// "业主" + unit number; no real data), occupancies and the rewards catalogue; with the defaults the code ships (nothing
/// invented): the built-in business calendars' JSON definitions and the default earning rules (PointsRules.Default).
/// Staff, teams and dispatch rules are not pushed: users and teams belong to the tenant. Choice values follow the
/// option-set rule 548210000 + the domain enum value.
/// </summary>
internal static class SampleConfiguration
{
    public const int Seed = 20250101;
    public const int PropertyCount = 2;
    public const int UnitCount = 40;

    /// <summary>Owners moved in up to 3,000 days before this date (the simulation's default first month).</summary>
    public static readonly DateTime MoveInBeforeUtc = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private const int ChoiceBase = 548210000;

    public static IEnumerable<(ConfigTable Table, List<JsonObject> Rows)> Rows()
    {
        var plan = CompanyPlan.Generate(PropertyCount, UnitCount, new Random(Seed), MoveInBeforeUtc);
        foreach (var table in Company(plan))
        {
            yield return table;
        }

        var calendars = BuiltInCalendars.Catalog.Calendars
            .Select(c => new JsonObject
            {
                [BusinessCalendarTable.Columns.Name] = c.Name,
                [BusinessCalendarTable.Columns.Definition] = BuiltInCalendars.Definition(c.Name),
            })
            .ToList();
        yield return (ConfigurationTables.Find(BusinessCalendarTable.LogicalName)!, calendars);

        var rules = PointsRules.Default.EarnRules
            .Select(r => new JsonObject
            {
                [EarningRuleTable.Columns.Rule] = ChoiceBase + (int)r.Code,
                [EarningRuleTable.Columns.Name] = Name(r.Code),
                [EarningRuleTable.Columns.PointsPerEvent] = r.PointsPerEvent,
                [EarningRuleTable.Columns.PointsPerYuan] = r.PointsPerYuan,
                [EarningRuleTable.Columns.MonthlyCap] = r.MonthlyCap,
                [EarningRuleTable.Columns.SilverMultiplier] = r.Multipliers.Silver,
                [EarningRuleTable.Columns.GoldMultiplier] = r.Multipliers.Gold,
                [EarningRuleTable.Columns.DiamondMultiplier] = r.Multipliers.Diamond,
                [EarningRuleTable.Columns.Enabled] = r.Enabled,
            })
            .ToList();
        yield return (ConfigurationTables.Find(EarningRuleTable.LogicalName)!, rules);

        var rewards = plan.Rewards
            .Select(r => new JsonObject
            {
                [RewardTable.Columns.Code] = r.Code,
                [RewardTable.Columns.Name] = r.Name,
                [RewardTable.Columns.Kind] = r.Kind,
                [RewardTable.Columns.PointsCost] = r.PointsCost,
                [RewardTable.Columns.MinimumTier] = Choices.OwnerTier.Standard,
            })
            .ToList();
        yield return (ConfigurationTables.Find(RewardTable.LogicalName)!, rewards);
    }

    /// <summary>The owner's external key in the sample: SAMPLE-&lt;property number&gt;-&lt;unit&gt; (family members add -F).</summary>
    public static string ExternalKey(int property, string unit, bool family) =>
        string.Format(CultureInfo.InvariantCulture, "SAMPLE-{0}-{1}{2}", property + 1, unit, family ? "-F" : string.Empty);

    private static IEnumerable<(ConfigTable Table, List<JsonObject> Rows)> Company(CompanyPlan plan)
    {
        var properties = new List<JsonObject>();
        var buildings = new List<JsonObject>();
        var units = new List<JsonObject>();
        var contacts = new List<JsonObject>();
        var occupancies = new List<JsonObject>();
        for (var p = 0; p < plan.Properties.Count; p++)
        {
            var property = plan.Properties[p];
            properties.Add(new JsonObject { [PropertyTable.Columns.Name] = property.Name });
            foreach (var building in property.Buildings)
            {
                buildings.Add(new JsonObject
                {
                    [BuildingTable.Columns.Property] = PropertyReference(property.Name),
                    [BuildingTable.Columns.Name] = building.Name,
                    [BuildingTable.Columns.Floors] = building.Floors,
                });
                foreach (var unit in building.Units)
                {
                    var buildingReference = new JsonObject { [BuildingTable.Columns.Property] = PropertyReference(property.Name), [BuildingTable.Columns.Name] = building.Name };
                    units.Add(new JsonObject
                    {
                        [UnitTable.Columns.Building] = buildingReference.DeepClone(),
                        [UnitTable.Columns.UnitNumber] = unit.Name,
                        [UnitTable.Columns.Name] = unit.Name,
                        [UnitTable.Columns.Floor] = unit.Floor,
                        [UnitTable.Columns.Area] = unit.Area,
                        [UnitTable.Columns.Property] = PropertyReference(property.Name),
                    });
                    var unitReference = new JsonObject { [UnitTable.Columns.Building] = buildingReference, [UnitTable.Columns.UnitNumber] = unit.Name };
                    var moveIn = unit.MoveIn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    var owner = ExternalKey(p, unit.Name, family: false);
                    contacts.Add(new JsonObject
                    {
                        [ContactTable.Columns.ExternalKey] = owner,
                        [ContactTable.Columns.LastName] = unit.OwnerLastName,
                        [ContactTable.Columns.FirstName] = unit.OwnerFirstName,
                        [ContactTable.Columns.Tier] = unit.Tier,
                        [ContactTable.Columns.MoveInDate] = moveIn,
                    });
                    occupancies.Add(Occupancy(owner, unitReference, Choices.OccupancyRole.Owner, moveIn, unit.Name));
                    if (unit.Family is { } member)
                    {
                        var family = ExternalKey(p, unit.Name, family: true);
                        contacts.Add(new JsonObject
                        {
                            [ContactTable.Columns.ExternalKey] = family,
                            [ContactTable.Columns.LastName] = member.LastName,
                            [ContactTable.Columns.FirstName] = member.FirstName,
                        });
                        occupancies.Add(Occupancy(family, unitReference, Choices.OccupancyRole.FamilyMember, moveIn, unit.Name));
                    }
                }
            }
        }

        yield return (ConfigurationTables.Properties, properties);
        yield return (ConfigurationTables.Buildings, buildings);
        yield return (ConfigurationTables.Units, units);
        yield return (ConfigurationTables.Contacts, contacts);
        yield return (ConfigurationTables.Occupancies, occupancies);
    }

    private static JsonObject PropertyReference(string name) => new() { [PropertyTable.Columns.Name] = name };

    /// <summary>Same shape as the simulation's occupancy rows (name "住户 + unit", primary contact for the owner).</summary>
    private static JsonObject Occupancy(string contact, JsonObject unit, int role, string start, string unitName) => new()
    {
        [OccupancyTable.Columns.Contact] = new JsonObject { [ContactTable.Columns.ExternalKey] = contact },
        [OccupancyTable.Columns.Unit] = unit.DeepClone(),
        [OccupancyTable.Columns.Name] = "住户 " + unitName,
        [OccupancyTable.Columns.Role] = role,
        [OccupancyTable.Columns.StartDate] = start,
        [OccupancyTable.Columns.IsPrimaryContact] = role == Choices.OccupancyRole.Owner,
    };

    /// <summary>The rule's row name, the labels of Domain's EarnRuleNames (internal to the strong-named Domain assembly).</summary>
    private static string Name(EarnRuleCode code) => code switch
    {
        EarnRuleCode.OnTimeFeePayment => "按时缴费 On-time fee payment",
        EarnRuleCode.FirstAppUse => "首次使用APP/小程序 First use of the APP or mini program",
        EarnRuleCode.SurveyCompleted => "完成满意度调查 Survey completed",
        EarnRuleCode.CommunityEventAttended => "参加社区活动 Community event attended",
        EarnRuleCode.SuggestionAdopted => "建议被采纳 Suggestion adopted",
        EarnRuleCode.Referral => "推荐新业主 Referral",
        _ => code.ToString(),
    };
}
