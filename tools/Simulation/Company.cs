using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Schema;
using PropertyCrm.Schema.Tables;
using Choices = PropertyCrm.Schema.OptionSets;

namespace PropertyCrm.Simulation;

/// <summary>How an owner pays the monthly fee: the mix the simulation draws from (DOMAIN.md: 收缴率 around 95–98%).</summary>
public enum PayerKind
{
    OnTime = 0,
    Late = 1,
    Arrears = 2,
}

/// <summary>One household: a unit, its owner (and family member), what the owner is like.</summary>
public sealed record Household(Guid Unit, string UnitName, int Property, decimal Area, Guid Owner, PayerKind Payer, double Fussiness);

/// <summary>One property with its business unit, service-centre team and staff in the shipped roles.</summary>
public sealed record SimProperty(
    Guid Id,
    string Name,
    Guid BusinessUnit,
    Guid Desk,
    IReadOnlyList<Guid> Agents,
    Guid Supervisor,
    IReadOnlyList<Guid> Technicians,
    Guid Manager);

/// <summary>
/// The synthetic company, built directly in the harness (arrange: no pipeline, as an import or the initial data load would
/// put it there): properties as child business units, buildings, units, owners with tiers and families, staff in the five
/// roles, a least-loaded technician team per property, and a small rewards catalogue.
/// </summary>
public sealed class Company
{
    public const string AgentRole = "PCRM 客服专员 Agent";
    public const string TechnicianRole = "PCRM 维修工程师 Technician";
    public const string ManagerRole = "PCRM 项目经理 Property Manager";
    public const string QualityRole = "PCRM 品质部 Quality Analyst";
    public const string AdminRole = "PCRM 管理员 Admin";

    private static readonly string[] PropertyNames =
    {
        "阳光花园 Sunshine Garden", "翠湖苑 Jade Lake", "金桂苑 Osmanthus Court", "云顶公寓 Summit Residences", "滨江华府 Riverside Mansion",
        "紫荆园 Bauhinia Park", "星河湾 Galaxy Bay", "绿城小区 Green City", "东方名苑 Oriental Court", "海棠湾 Crabapple Bay",
    };

    private static readonly string[] Surnames = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林" };

    private Company(List<SimProperty> properties, List<Household> households, Guid analyst, Guid admin, IReadOnlyList<Guid> rewards)
    {
        Properties = properties;
        Households = households;
        Analyst = analyst;
        Admin = admin;
        Rewards = rewards;
    }

    public IReadOnlyList<SimProperty> Properties { get; }

    public IReadOnlyList<Household> Households { get; }

    public Guid Analyst { get; }

    public Guid Admin { get; }

    public IReadOnlyList<Guid> Rewards { get; }

    public static Company Build(FakeDataverse dataverse, SimulationOptions options, Random random, DateTime moveInBeforeUtc)
    {
        var analyst = dataverse.CreateUser("品质部 赵敏 Quality analyst", FakeDataverse.RootBusinessUnitId, QualityRole);

        // The admin's step after import (README, complaints): the quality department gets the Complaint Decision profile.
        dataverse.AddToFieldSecurityProfile(FieldSecurityProfiles.ComplaintDecision, analyst);
        var admin = dataverse.CreateUser("管理员 孙丽 Admin", FakeDataverse.RootBusinessUnitId, AdminRole);
        var properties = new List<SimProperty>();
        var households = new List<Household>();
        for (var p = 0; p < options.Properties; p++)
        {
            var name = p < PropertyNames.Length ? PropertyNames[p] : $"物业项目 {p + 1} Property {p + 1}";
            var unitCount = options.Units / options.Properties + (p < options.Units % options.Properties ? 1 : 0);
            var bu = dataverse.CreateBusinessUnit(name);
            var desk = dataverse.CreateTeam(name + " 服务中心 service centre", bu, Array.Empty<string>());
            var agentCount = Math.Max(2, unitCount / 400);
            var technicianCount = Math.Max(2, unitCount / 200);
            var agents = new List<Guid>();
            for (var i = 0; i < agentCount; i++)
            {
                agents.Add(dataverse.CreateUser($"客服 {Surnames[(p * 7 + i) % Surnames.Length]}{i + 1} Agent ({name})", bu, AgentRole));
            }

            var supervisor = dataverse.CreateUser($"客服主管 Supervisor ({name})", bu, AgentRole);
            var technicians = new List<Guid>();
            for (var i = 0; i < technicianCount; i++)
            {
                technicians.Add(dataverse.CreateUser($"维修 {Surnames[(p * 5 + i + 3) % Surnames.Length]}工{i + 1} Technician ({name})", bu, TechnicianRole));
            }

            var manager = dataverse.CreateUser($"项目经理 Property manager ({name})", bu, ManagerRole);
            var crew = dataverse.CreateTeam(name + " 维修班 repair crew", bu, Array.Empty<string>(), technicians.ToArray());
            var property = Owned(dataverse, desk, new Entity(PropertyTable.LogicalName)
            {
                [PropertyTable.Columns.Name] = name,
                [PropertyTable.Columns.Supervisor] = new EntityReference("systemuser", supervisor),
                [PropertyTable.Columns.PropertyManager] = new EntityReference("systemuser", manager),
            });
            dataverse.Seed(new Entity(DispatchRuleTable.LogicalName)
            {
                [DispatchRuleTable.Columns.Name] = name + " 报修派工 repairs",
                [DispatchRuleTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, property),
                [DispatchRuleTable.Columns.Team] = new EntityReference("team", crew),
                [DispatchRuleTable.Columns.Strategy] = new OptionSetValue(Choices.DispatchStrategy.LeastLoaded),
                [DispatchRuleTable.Columns.ServiceLine] = new OptionSetValue(Choices.ServiceLine.Maintenance),
            });
            properties.Add(new SimProperty(property, name, bu, desk, agents, supervisor, technicians, manager));

            const int UnitsPerBuilding = 96;
            Guid building = Guid.Empty;
            for (var u = 0; u < unitCount; u++)
            {
                var buildingNumber = u / UnitsPerBuilding + 1;
                if (u % UnitsPerBuilding == 0)
                {
                    building = Owned(dataverse, desk, new Entity(BuildingTable.LogicalName)
                    {
                        [BuildingTable.Columns.Name] = $"{buildingNumber} 栋 Building {buildingNumber}",
                        [BuildingTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, property),
                        [BuildingTable.Columns.Floors] = 24,
                    });
                }

                var floor = (u % UnitsPerBuilding) / 4 + 1;
                var unitName = string.Format(CultureInfo.InvariantCulture, "{0}-{1}-{2:00}{3:00}", buildingNumber, (u % 4) / 2 + 1, floor, u % 2 + 1);
                var area = Math.Round((decimal)(60 + random.NextDouble() * 90), 1);
                var unit = Owned(dataverse, desk, new Entity(UnitTable.LogicalName)
                {
                    [UnitTable.Columns.Name] = unitName,
                    [UnitTable.Columns.Building] = new EntityReference(BuildingTable.LogicalName, building),
                    [UnitTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, property),
                    [UnitTable.Columns.Floor] = floor,
                    [UnitTable.Columns.Area] = area,
                });
                var tierRoll = random.NextDouble();
                var tier = tierRoll < 0.03 ? Choices.OwnerTier.Diamond : tierRoll < 0.12 ? Choices.OwnerTier.Gold : tierRoll < 0.35 ? Choices.OwnerTier.Silver : Choices.OwnerTier.Standard;
                var moveIn = moveInBeforeUtc.AddDays(-random.Next(30, 3000)).Date;
                var owner = Owned(dataverse, desk, new Entity(ContactTable.LogicalName)
                {
                    [ContactTable.Columns.LastName] = Surnames[random.Next(Surnames.Length)],
                    [ContactTable.Columns.FirstName] = "业主" + unitName,
                    [ContactTable.Columns.Tier] = new OptionSetValue(tier),
                    [ContactTable.Columns.PointsBalance] = 0,
                    [ContactTable.Columns.MoveInDate] = moveIn,
                });
                Owned(dataverse, desk, Occupancy(owner, unit, Choices.OccupancyRole.Owner, moveIn, unitName));
                if (random.NextDouble() < 0.5)
                {
                    var family = Owned(dataverse, desk, new Entity(ContactTable.LogicalName)
                    {
                        [ContactTable.Columns.LastName] = Surnames[random.Next(Surnames.Length)],
                        [ContactTable.Columns.FirstName] = "家属" + unitName,
                    });
                    Owned(dataverse, desk, Occupancy(family, unit, Choices.OccupancyRole.FamilyMember, moveIn, unitName));
                }

                var payerRoll = random.NextDouble();
                var payer = payerRoll < 0.03 ? PayerKind.Arrears : payerRoll < 0.15 ? PayerKind.Late : PayerKind.OnTime;
                households.Add(new Household(unit, unitName, p, area, owner, payer, random.NextDouble()));
            }
        }

        var rewards = new[]
        {
            Reward(dataverse, "FEE-VOUCHER-20", "物业费抵扣券 20 元 / ¥20 fee voucher", Choices.RewardKind.FeeDiscountVoucher, 200),
            Reward(dataverse, "HOUSEKEEPING-2H", "家政服务 2 小时 / 2 h housekeeping", Choices.RewardKind.Housekeeping, 500),
        };
        return new Company(properties, households, analyst, admin, rewards);
    }

    private static Entity Occupancy(Guid contact, Guid unit, int role, DateTime start, string unitName) => new(OccupancyTable.LogicalName)
    {
        [OccupancyTable.Columns.Name] = "住户 " + unitName,
        [OccupancyTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, contact),
        [OccupancyTable.Columns.Unit] = new EntityReference(UnitTable.LogicalName, unit),
        [OccupancyTable.Columns.Role] = new OptionSetValue(role),
        [OccupancyTable.Columns.StartDate] = start,
        [OccupancyTable.Columns.IsPrimaryContact] = role == Choices.OccupancyRole.Owner,
    };

    private static Guid Reward(FakeDataverse dataverse, string code, string name, int kind, int cost) => dataverse.Seed(new Entity(RewardTable.LogicalName)
    {
        [RewardTable.Columns.Name] = name,
        [RewardTable.Columns.Code] = code,
        [RewardTable.Columns.Kind] = new OptionSetValue(kind),
        [RewardTable.Columns.PointsCost] = cost,
        [RewardTable.Columns.MinimumTier] = new OptionSetValue(Choices.OwnerTier.Standard),
    });

    private static Guid Owned(FakeDataverse dataverse, Guid team, Entity row)
    {
        row["ownerid"] = new EntityReference("team", team);
        return dataverse.Seed(row);
    }
}
