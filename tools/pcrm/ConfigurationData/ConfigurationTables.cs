using System;
using System.Collections.Generic;
using System.Linq;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Cli.ConfigurationData;

/// <summary>
/// The configuration tables `pcrm data pull/push` move between environments, in the order they are pushed
/// (a table before the tables whose lookups point at it). Adding a table is one entry here; its key must be an
/// alternate key in Solution/Entities/&lt;table&gt;/Entity.xml (a test checks that).
/// </summary>
internal static class ConfigurationTables
{
    public static readonly LookupTarget Property = new(PropertyTable.LogicalName, PropertyTable.EntitySetName, PropertyTable.PrimaryId, PropertyTable.Columns.Name, HasAlternateKey: true);

    /// <summary>Users are named by their sign-in name (domainname), unique per environment and the same in test and production.</summary>
    public static readonly LookupTarget User = new("systemuser", "systemusers", "systemuserid", "domainname", HasAlternateKey: false);

    /// <summary>Teams are named by their name.</summary>
    public static readonly LookupTarget Team = new("team", "teams", "teamid", "name", HasAlternateKey: false);

    private const string State = "statecode";
    private const string Status = "statuscode";

    /// <remarks>
    /// Columns are listed explicitly (a test compares them with Entity.xml, so a column added to a configuration table
    /// must be listed here or named in <see cref="NotConfiguration"/>).
    /// A reward's stock is not configuration: redemptions count it down in each environment, so pushing test's value
    /// would overwrite production's live stock. Admins set stock in the app.
    /// </remarks>
    public static IReadOnlyList<ConfigTable> All { get; } = new[]
    {
        new ConfigTable(BusinessCalendarTable.LogicalName, BusinessCalendarTable.EntitySetName, Key(BusinessCalendarTable.Columns.Name), Cols(BusinessCalendarTable.Columns.Definition, State, Status), NoLookups),
        new ConfigTable(TierPolicyTable.LogicalName, TierPolicyTable.EntitySetName, Key(TierPolicyTable.Columns.Name), Cols(TierPolicyTable.Columns.SilverPaidThreshold, TierPolicyTable.Columns.GoldPaidThreshold, TierPolicyTable.Columns.DiamondPaidThreshold, TierPolicyTable.Columns.SilverEngagementPoints, TierPolicyTable.Columns.GoldEngagementPoints, TierPolicyTable.Columns.MaxArrearsMonths, TierPolicyTable.Columns.ReviewEveryMonths, TierPolicyTable.Columns.PointsExpiryYears, TierPolicyTable.Columns.NewMoveInDays, TierPolicyTable.Columns.ChurnRiskUnpaidMonths, TierPolicyTable.Columns.ChurnRiskQuietMonths, TierPolicyTable.Columns.ChurnedUnpaidMonths, TierPolicyTable.Columns.CollectionReminderMonths, TierPolicyTable.Columns.CollectionCallMonths, State, Status), NoLookups),
        new ConfigTable(EarningRuleTable.LogicalName, EarningRuleTable.EntitySetName, Key(EarningRuleTable.Columns.Rule), Cols(EarningRuleTable.Columns.Name, EarningRuleTable.Columns.PointsPerEvent, EarningRuleTable.Columns.PointsPerYuan, EarningRuleTable.Columns.MonthlyCap, EarningRuleTable.Columns.SilverMultiplier, EarningRuleTable.Columns.GoldMultiplier, EarningRuleTable.Columns.DiamondMultiplier, EarningRuleTable.Columns.Enabled, State, Status), NoLookups),
        new ConfigTable(RewardTable.LogicalName, RewardTable.EntitySetName, Key(RewardTable.Columns.Code), Cols(RewardTable.Columns.Name, RewardTable.Columns.Kind, RewardTable.Columns.PointsCost, RewardTable.Columns.FaceValue, RewardTable.Columns.MinimumTier, State, Status), NoLookups),
        new ConfigTable(SlaPolicyTable.LogicalName, SlaPolicyTable.EntitySetName, Key(SlaPolicyTable.Columns.Name), Cols(SlaPolicyTable.Columns.RequestType, SlaPolicyTable.Columns.ServiceLine, SlaPolicyTable.Columns.Urgency, SlaPolicyTable.Columns.OwnerTier, SlaPolicyTable.Columns.FirstResponseMinutes, SlaPolicyTable.Columns.FirstResponseCalendar, SlaPolicyTable.Columns.ResolutionMinutes, SlaPolicyTable.Columns.ResolutionCalendar, SlaPolicyTable.Columns.OnSiteMinutes, SlaPolicyTable.Columns.OnSiteCalendar, SlaPolicyTable.Columns.WarningPercent, SlaPolicyTable.Columns.Level2AfterMinutes, SlaPolicyTable.Columns.Level3AfterMinutes, State, Status), Lookups(new ConfigLookup(SlaPolicyTable.Columns.Property, "pcrm_PropertyId", Property))),
        new ConfigTable(KpiTargetTable.LogicalName, KpiTargetTable.EntitySetName, Key(KpiTargetTable.Columns.Property, KpiTargetTable.Columns.Kpi), Cols(KpiTargetTable.Columns.Name, KpiTargetTable.Columns.Target, State, Status), Lookups(new ConfigLookup(KpiTargetTable.Columns.Property, "pcrm_PropertyId", Property))),
        new ConfigTable(DispatchRuleTable.LogicalName, DispatchRuleTable.EntitySetName, Key(DispatchRuleTable.Columns.Name), Cols(DispatchRuleTable.Columns.ServiceLine, DispatchRuleTable.Columns.Strategy, State, Status), Lookups(new ConfigLookup(DispatchRuleTable.Columns.Property, "pcrm_PropertyId", Property), new ConfigLookup(DispatchRuleTable.Columns.Technician, "pcrm_TechnicianId", User), new ConfigLookup(DispatchRuleTable.Columns.Team, "pcrm_TeamId", Team))),
    };

    /// <summary>
    /// Custom columns of the configuration tables that stay in their environment: a reward's live stock and its
    /// redemption lock, the dispatch rules' round-robin state, the years a calendar covers (computed from its definition).
    /// </summary>
    public static IReadOnlyList<string> NotConfiguration { get; } = new[]
    {
        RewardTable.LogicalName + "." + RewardTable.Columns.Stock,
        RewardTable.LogicalName + "." + RewardTable.Columns.LockedOn,
        DispatchRuleTable.LogicalName + "." + DispatchRuleTable.Columns.LastAssignee,
        DispatchRuleTable.LogicalName + "." + DispatchRuleTable.Columns.LastDispatchedOn,
        BusinessCalendarTable.LogicalName + "." + BusinessCalendarTable.Columns.YearsCovered,
    };

    /// <summary>Owners are named by their external key (the number in the billing system, or the sample company's).</summary>
    public static readonly LookupTarget Contact = new(ContactTable.LogicalName, ContactTable.EntitySetName, ContactTable.PrimaryId, ContactTable.Columns.ExternalKey, HasAlternateKey: true);

    /// <summary>
    /// The company's structure and residents, for `pcrm data push --sample` (a demo or training environment) and for
    /// `--table`: never pulled by default, they are not configuration. Keys: property by name, building by property +
    /// name, unit by building + unit number, owner by external key, occupancy by owner + unit.
    /// </summary>
    public static readonly ConfigTable Properties = new(PropertyTable.LogicalName, PropertyTable.EntitySetName, Key(PropertyTable.Columns.Name), Cols(), NoLookups);

    public static readonly ConfigTable Buildings = new(BuildingTable.LogicalName, BuildingTable.EntitySetName, Key(BuildingTable.Columns.Property, BuildingTable.Columns.Name), Cols(BuildingTable.Columns.Floors), Lookups(new ConfigLookup(BuildingTable.Columns.Property, "pcrm_PropertyId", Property)));

    public static readonly LookupTarget Building = LookupTarget.Composite(Buildings, BuildingTable.PrimaryId);

    public static readonly ConfigTable Units = new(UnitTable.LogicalName, UnitTable.EntitySetName, Key(UnitTable.Columns.Building, UnitTable.Columns.UnitNumber), Cols(UnitTable.Columns.Name, UnitTable.Columns.Floor, UnitTable.Columns.Area), Lookups(new ConfigLookup(UnitTable.Columns.Building, "pcrm_BuildingId", Building), new ConfigLookup(UnitTable.Columns.Property, "pcrm_PropertyId", Property)));

    public static readonly LookupTarget Unit = LookupTarget.Composite(Units, UnitTable.PrimaryId);

    public static readonly ConfigTable Contacts = new(ContactTable.LogicalName, ContactTable.EntitySetName, Key(ContactTable.Columns.ExternalKey), Cols(ContactTable.Columns.LastName, ContactTable.Columns.FirstName, ContactTable.Columns.Tier, ContactTable.Columns.MoveInDate), NoLookups);

    public static readonly ConfigTable Occupancies = new(OccupancyTable.LogicalName, OccupancyTable.EntitySetName, Key(OccupancyTable.Columns.Contact, OccupancyTable.Columns.Unit), Cols(OccupancyTable.Columns.Name, OccupancyTable.Columns.Role, OccupancyTable.Columns.StartDate, OccupancyTable.Columns.IsPrimaryContact), Lookups(new ConfigLookup(OccupancyTable.Columns.Contact, "pcrm_ContactId", Contact), new ConfigLookup(OccupancyTable.Columns.Unit, "pcrm_UnitId", Unit)));

    public static IReadOnlyList<ConfigTable> Sample { get; } = new[] { Properties, Buildings, Units, Contacts, Occupancies };

    /// <summary>Every table `pcrm data` knows, in push order: the structure before the configuration that names it.</summary>
    public static IReadOnlyList<ConfigTable> Known { get; } = Sample.Concat(All).ToArray();

    private static IReadOnlyList<ConfigLookup> NoLookups => Array.Empty<ConfigLookup>();

    public static ConfigTable? Find(string logicalName) => Known.FirstOrDefault(t => string.Equals(t.LogicalName, logicalName, StringComparison.OrdinalIgnoreCase));

    public static string Names => string.Join(", ", Known.Select(t => t.LogicalName));

    private static string[] Key(params string[] columns) => columns;

    private static string[] Cols(params string[] columns) => columns;

    private static ConfigLookup[] Lookups(params ConfigLookup[] lookups) => lookups;
}
