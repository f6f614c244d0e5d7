using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.SampleCompany;
using PropertyCrm.Schema;
using PropertyCrm.Schema.Tables;
using Choices = PropertyCrm.Schema.OptionSets;

namespace PropertyCrm.Simulation;

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
/// The synthetic company (<see cref="CompanyPlan"/>, shared with `pcrm data push --sample`), built directly in the
/// harness (arrange: no pipeline, as an import or the initial data load would put it there): properties as child
/// business units, buildings, units, owners with tiers and families, staff in the five roles (each building's butler one of the agents), a least-loaded technician
/// team per property, and a small rewards catalogue.
/// </summary>
public sealed class Company
{
    public const string AgentRole = "PCRM 客服专员 Agent";
    public const string TechnicianRole = "PCRM 维修工程师 Technician";
    public const string ManagerRole = "PCRM 项目经理 Property Manager";
    public const string QualityRole = "PCRM 品质部 Quality Analyst";
    public const string AdminRole = "PCRM 管理员 Admin";

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
        var plan = CompanyPlan.Generate(options.Properties, options.Units, random, moveInBeforeUtc);
        var analyst = dataverse.CreateUser(CompanyPlan.AnalystName, FakeDataverse.RootBusinessUnitId, QualityRole);

        // The admin's step after import (README, complaints): the quality department gets the Complaint Decision profile.
        dataverse.AddToFieldSecurityProfile(FieldSecurityProfiles.ComplaintDecision, analyst);
        var admin = dataverse.CreateUser(CompanyPlan.AdminName, FakeDataverse.RootBusinessUnitId, AdminRole);
        var properties = new List<SimProperty>();
        var households = new List<Household>();
        for (var p = 0; p < plan.Properties.Count; p++)
        {
            var planned = plan.Properties[p];
            var bu = dataverse.CreateBusinessUnit(planned.Name);
            var desk = dataverse.CreateTeam(planned.Desk, bu, Array.Empty<string>());
            var agents = new List<Guid>();
            foreach (var agent in planned.Agents)
            {
                agents.Add(dataverse.CreateUser(agent, bu, AgentRole));
            }

            var supervisor = dataverse.CreateUser(planned.Supervisor, bu, AgentRole);
            var technicians = new List<Guid>();
            foreach (var technician in planned.Technicians)
            {
                technicians.Add(dataverse.CreateUser(technician, bu, TechnicianRole));
            }

            var manager = dataverse.CreateUser(planned.Manager, bu, ManagerRole);
            var crew = dataverse.CreateTeam(planned.Crew, bu, Array.Empty<string>(), technicians.ToArray());
            var property = Owned(dataverse, desk, new Entity(PropertyTable.LogicalName)
            {
                [PropertyTable.Columns.Name] = planned.Name,
                [PropertyTable.Columns.Supervisor] = new EntityReference("systemuser", supervisor),
                [PropertyTable.Columns.PropertyManager] = new EntityReference("systemuser", manager),
            });
            dataverse.Seed(new Entity(DispatchRuleTable.LogicalName)
            {
                [DispatchRuleTable.Columns.Name] = planned.DispatchRule,
                [DispatchRuleTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, property),
                [DispatchRuleTable.Columns.Team] = new EntityReference("team", crew),
                [DispatchRuleTable.Columns.Strategy] = new OptionSetValue(Choices.DispatchStrategy.LeastLoaded),
                [DispatchRuleTable.Columns.ServiceLine] = new OptionSetValue(Choices.ServiceLine.Maintenance),
            });
            properties.Add(new SimProperty(property, planned.Name, bu, desk, agents, supervisor, technicians, manager));

            for (var b = 0; b < planned.Buildings.Count; b++)
            {
                // Each building's butler (楼栋管家) is one of the property's agents in turn; its owners have that butler (the
                // occupancy step would set it on move-in; the company is arranged without the pipeline, so it is set here).
                var plannedBuilding = planned.Buildings[b];
                var butler = new EntityReference("systemuser", agents[b % agents.Count]);
                var building = Owned(dataverse, desk, new Entity(BuildingTable.LogicalName)
                {
                    [BuildingTable.Columns.Name] = plannedBuilding.Name,
                    [BuildingTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, property),
                    [BuildingTable.Columns.Floors] = plannedBuilding.Floors,
                    [BuildingTable.Columns.Butler] = butler,
                });
                foreach (var planUnit in plannedBuilding.Units)
                {
                    var unit = Owned(dataverse, desk, new Entity(UnitTable.LogicalName)
                    {
                        [UnitTable.Columns.Name] = planUnit.Name,
                        [UnitTable.Columns.Building] = new EntityReference(BuildingTable.LogicalName, building),
                        [UnitTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, property),
                        [UnitTable.Columns.Floor] = planUnit.Floor,
                        [UnitTable.Columns.Area] = planUnit.Area,
                    });
                    var owner = Owned(dataverse, desk, new Entity(ContactTable.LogicalName)
                    {
                        [ContactTable.Columns.LastName] = planUnit.OwnerLastName,
                        [ContactTable.Columns.FirstName] = planUnit.OwnerFirstName,
                        [ContactTable.Columns.Tier] = new OptionSetValue(planUnit.Tier),
                        [ContactTable.Columns.PointsBalance] = 0,
                        [ContactTable.Columns.MoveInDate] = planUnit.MoveIn,
                        [ContactTable.Columns.Butler] = butler,
                    });
                    Owned(dataverse, desk, Occupancy(owner, unit, Choices.OccupancyRole.Owner, planUnit.MoveIn, planUnit.Name));
                    if (planUnit.Family is { } member)
                    {
                        var family = Owned(dataverse, desk, new Entity(ContactTable.LogicalName)
                        {
                            [ContactTable.Columns.LastName] = member.LastName,
                            [ContactTable.Columns.FirstName] = member.FirstName,
                        });
                        Owned(dataverse, desk, Occupancy(family, unit, Choices.OccupancyRole.FamilyMember, planUnit.MoveIn, planUnit.Name));
                    }

                    households.Add(new Household(unit, planUnit.Name, p, planUnit.Area, owner, planUnit.Payer, planUnit.Fussiness));
                }
            }
        }

        var rewards = new List<Guid>();
        foreach (var reward in plan.Rewards)
        {
            rewards.Add(Reward(dataverse, reward));
        }

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

    private static Guid Reward(FakeDataverse dataverse, PlannedReward reward) => dataverse.Seed(new Entity(RewardTable.LogicalName)
    {
        [RewardTable.Columns.Name] = reward.Name,
        [RewardTable.Columns.Code] = reward.Code,
        [RewardTable.Columns.Kind] = new OptionSetValue(reward.Kind),
        [RewardTable.Columns.PointsCost] = reward.PointsCost,
        [RewardTable.Columns.MinimumTier] = new OptionSetValue(Choices.OwnerTier.Standard),
    });

    private static Guid Owned(FakeDataverse dataverse, Guid team, Entity row)
    {
        row["ownerid"] = new EntityReference("team", team);
        return dataverse.Seed(row);
    }
}
