using System;
using System.Collections.Generic;
using System.Globalization;
using Choices = PropertyCrm.Schema.OptionSets;

namespace PropertyCrm.SampleCompany;

/// <summary>How an owner pays the monthly fee: the mix the simulation draws from (DOMAIN.md: 收缴率 around 95–98%).</summary>
public enum PayerKind
{
    OnTime = 0,
    Late = 1,
    Arrears = 2,
}

/// <summary>A family member living with the owner (synthetic name).</summary>
public sealed record PlannedFamilyMember(string LastName, string FirstName);

/// <summary>One unit and its household: the owner (synthetic name, tier, move-in), maybe a family member, how they pay.</summary>
public sealed record PlannedUnit(
    string Name,
    int Floor,
    decimal Area,
    int Tier,
    DateTime MoveIn,
    string OwnerLastName,
    string OwnerFirstName,
    PlannedFamilyMember? Family,
    PayerKind Payer,
    double Fussiness);

public sealed record PlannedBuilding(int Number, string Name, int Floors, IReadOnlyList<PlannedUnit> Units);

/// <summary>One property: its name, staff names in the shipped roles, its teams and dispatch rule, its buildings.</summary>
public sealed record PlannedProperty(
    string Name,
    IReadOnlyList<string> Agents,
    string Supervisor,
    IReadOnlyList<string> Technicians,
    string Manager,
    string Desk,
    string Crew,
    string DispatchRule,
    IReadOnlyList<PlannedBuilding> Buildings);

/// <summary>A reward of the small catalogue.</summary>
public sealed record PlannedReward(string Code, string Name, int Kind, int PointsCost);

/// <summary>
/// The synthetic company: properties (each a child business unit in the simulation), 96-unit buildings of 24 floors,
/// units with owners (synthetic names: a common surname and "业主 + unit number"), half of them with a family member,
/// tiers, move-in dates and payment habits drawn from a seeded Random, staff names in the five roles and a small rewards
/// catalogue. The draws are made in one fixed order, so a seed gives the same company wherever it is built.
/// </summary>
public sealed class CompanyPlan
{
    public const string AnalystName = "品质部 赵敏 Quality analyst";
    public const string AdminName = "管理员 孙丽 Admin";
    public const int UnitsPerBuilding = 96;
    public const int FloorsPerBuilding = 24;

    private static readonly string[] PropertyNames =
    {
        "阳光花园 Sunshine Garden", "翠湖苑 Jade Lake", "金桂苑 Osmanthus Court", "云顶公寓 Summit Residences", "滨江华府 Riverside Mansion",
        "紫荆园 Bauhinia Park", "星河湾 Galaxy Bay", "绿城小区 Green City", "东方名苑 Oriental Court", "海棠湾 Crabapple Bay",
    };

    private static readonly string[] Surnames = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林" };

    private CompanyPlan(IReadOnlyList<PlannedProperty> properties, IReadOnlyList<PlannedReward> rewards)
    {
        Properties = properties;
        Rewards = rewards;
    }

    public IReadOnlyList<PlannedProperty> Properties { get; }

    public IReadOnlyList<PlannedReward> Rewards { get; }

    /// <param name="properties">Properties (1–50).</param>
    /// <param name="units">Units in the whole company, spread evenly over the properties.</param>
    /// <param name="random">The seeded source; the simulation goes on drawing from it afterwards.</param>
    /// <param name="moveInBeforeUtc">Owners moved in 30 to 3,000 days before this date.</param>
    public static CompanyPlan Generate(int properties, int units, Random random, DateTime moveInBeforeUtc)
    {
        if (random is null)
        {
            throw new ArgumentNullException(nameof(random));
        }

        var planned = new List<PlannedProperty>();
        for (var p = 0; p < properties; p++)
        {
            var name = p < PropertyNames.Length ? PropertyNames[p] : $"物业项目 {p + 1} Property {p + 1}";
            var unitCount = units / properties + (p < units % properties ? 1 : 0);
            var agents = new List<string>();
            for (var i = 0; i < Math.Max(2, unitCount / 400); i++)
            {
                agents.Add($"客服 {Surnames[(p * 7 + i) % Surnames.Length]}{i + 1} Agent ({name})");
            }

            var technicians = new List<string>();
            for (var i = 0; i < Math.Max(2, unitCount / 200); i++)
            {
                technicians.Add($"维修 {Surnames[(p * 5 + i + 3) % Surnames.Length]}工{i + 1} Technician ({name})");
            }

            var buildings = new List<PlannedBuilding>();
            List<PlannedUnit>? current = null;
            for (var u = 0; u < unitCount; u++)
            {
                var buildingNumber = u / UnitsPerBuilding + 1;
                if (u % UnitsPerBuilding == 0)
                {
                    current = new List<PlannedUnit>();
                    buildings.Add(new PlannedBuilding(buildingNumber, $"{buildingNumber} 栋 Building {buildingNumber}", FloorsPerBuilding, current));
                }

                var floor = (u % UnitsPerBuilding) / 4 + 1;
                var unitName = string.Format(CultureInfo.InvariantCulture, "{0}-{1}-{2:00}{3:00}", buildingNumber, (u % 4) / 2 + 1, floor, u % 2 + 1);

                // The draws, in this order: area, tier, move-in, owner's surname, family?, family's surname, payer, fussiness.
                var area = Math.Round((decimal)(60 + random.NextDouble() * 90), 1);
                var tierRoll = random.NextDouble();
                var tier = tierRoll < 0.03 ? Choices.OwnerTier.Diamond : tierRoll < 0.12 ? Choices.OwnerTier.Gold : tierRoll < 0.35 ? Choices.OwnerTier.Silver : Choices.OwnerTier.Standard;
                var moveIn = moveInBeforeUtc.AddDays(-random.Next(30, 3000)).Date;
                var ownerLastName = Surnames[random.Next(Surnames.Length)];
                var family = random.NextDouble() < 0.5 ? new PlannedFamilyMember(Surnames[random.Next(Surnames.Length)], "家属" + unitName) : null;
                var payerRoll = random.NextDouble();
                var payer = payerRoll < 0.03 ? PayerKind.Arrears : payerRoll < 0.15 ? PayerKind.Late : PayerKind.OnTime;
                current!.Add(new PlannedUnit(unitName, floor, area, tier, moveIn, ownerLastName, "业主" + unitName, family, payer, random.NextDouble()));
            }

            planned.Add(new PlannedProperty(
                name,
                agents,
                $"客服主管 Supervisor ({name})",
                technicians,
                $"项目经理 Property manager ({name})",
                name + " 服务中心 service centre",
                name + " 维修班 repair crew",
                name + " 报修派工 repairs",
                buildings));
        }

        var rewards = new[]
        {
            new PlannedReward("FEE-VOUCHER-20", "物业费抵扣券 20 元 / ¥20 fee voucher", Choices.RewardKind.FeeDiscountVoucher, 200),
            new PlannedReward("HOUSEKEEPING-2H", "家政服务 2 小时 / 2 h housekeeping", Choices.RewardKind.Housekeeping, 500),
        };
        return new CompanyPlan(planned, rewards);
    }
}
