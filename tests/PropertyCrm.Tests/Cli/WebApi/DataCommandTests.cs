using System;
using System.IO;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Cli.ConfigurationData;
using PropertyCrm.Harness;
using PropertyCrm.Schema.Tables;
using OptionSets = PropertyCrm.Schema.OptionSets;

namespace PropertyCrm.Tests.Cli.WebApi;

/// <summary>`pcrm data pull|push`: configuration moved by alternate key between two fake environments.</summary>
public sealed class DataCommandTests
{
    [Fact]
    public void PullPushPull_TwoEnvironments_FilesIdenticalAndLookupsByKey()
    {
        using var world = new WebApiWorld();
        var test = world.Environment("test");
        var prod = world.Environment("prod");
        SeedConfiguration(test.Dataverse);
        SeedReferences(prod.Dataverse);

        var (pullCode, _, pullError) = world.Run("data", "pull", "--env", "test", "--out", world.Path2("a"));
        Assert.True(pullCode == 0, pullError);
        var (pushCode, pushOutput, pushError) = world.Run("data", "push", "--env", "prod", world.Path2("a"));
        Assert.True(pushCode == 0, pushError);
        var (againCode, _, againError) = world.Run("data", "pull", "--env", "prod", "--out", world.Path2("b"));
        Assert.True(againCode == 0, againError);

        foreach (var file in Directory.GetFiles(world.Path2("a")))
        {
            Assert.Equal(File.ReadAllText(file), File.ReadAllText(Path.Combine(world.Path2("b"), Path.GetFileName(file))));
        }

        var sla = File.ReadAllText(Path.Combine(world.Path2("a"), "pcrm_slapolicy.json"));
        Assert.Contains("\"pcrm_propertyid\": {\n        \"pcrm_name\": \"锦绣花园\"\n      }", sla);
        Assert.DoesNotContain(test.Dataverse.PeekAll(PropertyTable.LogicalName).Single().Id.ToString(), sla);
        Assert.Equal(1, prod.Count("POST /api/data/v9.2/$batch"));
        Assert.Contains("pcrm_slapolicy", pushOutput);
        var policy = prod.Dataverse.PeekAll(SlaPolicyTable.LogicalName).Single();
        Assert.Equal(prod.Dataverse.PeekAll(PropertyTable.LogicalName).Single().Id, policy.GetAttributeValue<EntityReference>(SlaPolicyTable.Columns.Property).Id);
        // KPI targets: keyed by property (a lookup) + KPI; the file names the property by its name, the push addressed
        // each row as pcrm_kpitargets(_pcrm_propertyid_value=<prod's GUID>,pcrm_kpi=...).
        var kpis = File.ReadAllText(Path.Combine(world.Path2("a"), "pcrm_kpitarget.json"));
        Assert.Contains("\"key\": [\n    \"pcrm_propertyid\",\n    \"pcrm_kpi\"\n  ]", kpis);
        Assert.Contains("\"pcrm_propertyid\": {\n        \"pcrm_name\": \"锦绣花园\"\n      },\n      \"pcrm_kpi\": 548210001", kpis);
        var prodProperty = prod.Dataverse.PeekAll(PropertyTable.LogicalName).Single().Id;
        Assert.Contains($"  PATCH /api/data/v9.2/pcrm_kpitargets(_pcrm_propertyid_value={prodProperty:D},pcrm_kpi=548210001)", prod.Log);
        var targets = prod.Dataverse.PeekAll(KpiTargetTable.LogicalName);
        Assert.Equal(2, targets.Count);
        Assert.All(targets, t => Assert.Equal(prodProperty, t.GetAttributeValue<EntityReference>(KpiTargetTable.Columns.Property).Id));
        Assert.Equal(0.97m, targets.Single(t => t.GetAttributeValue<OptionSetValue>(KpiTargetTable.Columns.Kpi).Value == OptionSets.Kpi.FirstResponseOnTime).GetAttributeValue<decimal>(KpiTargetTable.Columns.Target));
        var rule = prod.Dataverse.PeekAll(DispatchRuleTable.LogicalName).Single();
        Assert.Equal(prod.Dataverse.PeekAll("team").Single(t => t.GetAttributeValue<string>("name") == "维修班").Id, rule.GetAttributeValue<EntityReference>(DispatchRuleTable.Columns.Team).Id);

        // A second push finds everything unchanged and writes nothing.
        var (secondCode, secondOutput, _) = world.Run("data", "push", "--env", "prod", world.Path2("a"));
        Assert.Equal(0, secondCode);
        Assert.Equal(1, prod.Count("POST /api/data/v9.2/$batch"));
        Assert.Contains("pcrm_reward", secondOutput);
    }

    [Fact]
    public void PushDryRun_ChangedAndNewRows_PrintsDiffAndWritesNothing()
    {
        using var world = new WebApiWorld();
        var test = world.Environment("test");
        SeedConfiguration(test.Dataverse);
        Assert.Equal(0, world.Run("data", "pull", "--env", "test", "--out", world.Path2("a"), "--table", RewardTable.LogicalName).Code);
        var path = Path.Combine(world.Path2("a"), "pcrm_reward.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"pcrm_pointscost\": 500", "\"pcrm_pointscost\": 800", StringComparison.Ordinal)
            .Replace("\"rows\": [", "\"rows\": [\n    { \"pcrm_code\": \"GIFT-NEW\", \"pcrm_name\": \"新礼品 New gift\", \"pcrm_kind\": 548210004, \"pcrm_pointscost\": 100 },", StringComparison.Ordinal));

        var (code, output, error) = world.Run("data", "push", "--env", "test", world.Path2("a"), "--dry-run");

        Assert.True(code == 0, error);
        Assert.Contains("  + pcrm_code=GIFT-NEW", output);
        Assert.Contains("  ~ pcrm_code=VOUCHER-50", output);
        Assert.Contains("pcrm_pointscost: 500 -> 800", output);
        Assert.Contains("dry run, nothing written", output);
        Assert.Equal(0, test.Count("POST /api/data/v9.2/$batch"));
        Assert.Equal(500, test.Dataverse.PeekAll(RewardTable.LogicalName).Single().GetAttributeValue<int>(RewardTable.Columns.PointsCost));
    }

    [Fact]
    public void Pull_ThrottledAndPaged_RetriesAfterTheServersWaitAndFollowsNextLink()
    {
        using var world = new WebApiWorld();
        var test = world.Environment("test");
        SeedConfiguration(test.Dataverse);
        for (var i = 0; i < 4; i++)
        {
            test.Dataverse.Seed(Reward($"EXTRA-{i}", 10 + i));
        }

        test.MaxPageSize = 2;
        test.ThrottleNext(2, 7);

        var (code, output, error) = world.Run("data", "pull", "--env", "test", "--out", world.Path2("a"), "--table", RewardTable.LogicalName);

        Assert.True(code == 0, error);
        Assert.Equal(new[] { TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7) }, world.Waits.ToArray());
        Assert.Equal(2 + 3, test.Count("GET /api/data/v9.2/pcrm_rewards"));
        Assert.Matches(@"pcrm_reward\s+5\s", output);
        Assert.Equal(5, File.ReadAllText(Path.Combine(world.Path2("a"), "pcrm_reward.json")).Split("\"pcrm_code\": \"").Length - 1);
    }

    [Fact]
    public void Pull_UnknownTable_ExitsTwoAndWritesNoFolder()
    {
        using var world = new WebApiWorld();
        var test = world.Environment("test");

        var (code, output, error) = world.Run("data", "pull", "--env", "test", "--out", world.Path2("a"), "--table", "pcrm_bogus");

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("未知的配置表 'pcrm_bogus'", error);
        Assert.Contains("Unknown configuration table 'pcrm_bogus'", error);
        Assert.False(Directory.Exists(world.Path2("a")));
        Assert.Equal(0, test.Count("GET"));
    }

    [Fact]
    public void Push_UnknownTableFileOrMissingLookupTarget_ExitsTwoAndWritesNothing()
    {
        using var world = new WebApiWorld();
        var test = world.Environment("test");
        var prod = world.Environment("prod");
        SeedConfiguration(test.Dataverse);
        Assert.Equal(0, world.Run("data", "pull", "--env", "test", "--out", world.Path2("a")).Code);
        File.WriteAllText(Path.Combine(world.Path2("a"), "pcrm_bogus.json"), "{\"rows\": []}");

        var (unknownCode, _, unknownError) = world.Run("data", "push", "--env", "prod", world.Path2("a"));
        Assert.Equal(2, unknownCode);
        Assert.Contains("Unknown configuration table 'pcrm_bogus'", unknownError);

        File.Delete(Path.Combine(world.Path2("a"), "pcrm_bogus.json"));
        var (missingCode, _, missingError) = world.Run("data", "push", "--env", "prod", world.Path2("a"));
        Assert.Equal(2, missingCode);
        Assert.Contains("pcrm_property(pcrm_name=锦绣花园)", missingError);
        Assert.Contains("nothing was written", missingError);
        Assert.Equal(0, prod.Count("POST"));
        Assert.Empty(prod.Dataverse.PeekAll(RewardTable.LogicalName));
    }

    [Fact]
    public void Push_PlatformRefusesOneRow_ExitsOneAndTheWholeChangeSetIsRolledBack()
    {
        using var world = new WebApiWorld();
        var test = world.Environment("test");
        Directory.CreateDirectory(world.Path2("a"));
        File.WriteAllText(Path.Combine(world.Path2("a"), "pcrm_reward.json"), "{\"rows\": [{\"pcrm_code\": \"GIFT-1\", \"pcrm_name\": \"礼品 Gift\", \"pcrm_kind\": 548210004, \"pcrm_pointscost\": 100}]}");
        File.WriteAllText(Path.Combine(world.Path2("a"), "pcrm_businesscalendar.json"), "{\"rows\": [{\"pcrm_name\": \"broken\", \"pcrm_definition\": \"{ not json\"}]}");

        var (code, _, error) = world.Run("data", "push", "--env", "test", world.Path2("a"));

        Assert.Equal(1, code);
        Assert.Contains("Batch 1 of 1 was refused", error);
        Assert.Empty(test.Dataverse.PeekAll(RewardTable.LogicalName));
        Assert.Empty(test.Dataverse.PeekAll(BusinessCalendarTable.LogicalName));
    }

    [Fact]
    public void Push_KpiTargetChanged_UpdatesTheRowByPropertyAndKpiAndKeepsItsIdentity()
    {
        using var world = new WebApiWorld();
        var test = world.Environment("test");
        SeedConfiguration(test.Dataverse);
        Assert.Equal(0, world.Run("data", "pull", "--env", "test", "--out", world.Path2("a"), "--table", KpiTargetTable.LogicalName).Code);
        var path = Path.Combine(world.Path2("a"), "pcrm_kpitarget.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"pcrm_target\": 0.97", "\"pcrm_target\": 0.98", StringComparison.Ordinal));
        var before = test.Dataverse.PeekAll(KpiTargetTable.LogicalName).Select(t => t.Id).OrderBy(i => i).ToList();

        var (dryCode, dryOutput, _) = world.Run("data", "push", "--env", "test", world.Path2("a"), "--dry-run");
        var (code, output, error) = world.Run("data", "push", "--env", "test", world.Path2("a"));

        Assert.Equal(0, dryCode);
        Assert.Contains("  ~ pcrm_propertyid=锦绣花园,pcrm_kpi=548210001", dryOutput);
        Assert.Contains("pcrm_target: 0.97 -> 0.98", dryOutput);
        Assert.True(code == 0, error);
        Assert.Matches(@"pcrm_kpitarget\s+0\s+1\s+1\s", output);
        Assert.Equal(before, test.Dataverse.PeekAll(KpiTargetTable.LogicalName).Select(t => t.Id).OrderBy(i => i).ToList());
        Assert.Equal(0.98m, test.Dataverse.PeekAll(KpiTargetTable.LogicalName).Single(t => t.GetAttributeValue<OptionSetValue>(KpiTargetTable.Columns.Kpi).Value == OptionSets.Kpi.FirstResponseOnTime).GetAttributeValue<decimal>(KpiTargetTable.Columns.Target));
    }

    [Fact]
    public async System.Threading.Tasks.Task Get_LookupKeyByColumnName_RefusedAsTheWebApiDoesOnlyTheLookupPropertyWorks()
    {
        using var world = new WebApiWorld();
        var test = world.Environment("test");
        SeedConfiguration(test.Dataverse);
        var property = test.Dataverse.PeekAll(PropertyTable.LogicalName).Single().Id;
        using var http = new System.Net.Http.HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", FakeWebApiServer.Token);

        var byColumn = await http.GetAsync(new Uri($"{test.Url}/api/data/v9.2/pcrm_kpitargets(pcrm_propertyid={property:D},pcrm_kpi=548210001)"));
        var byLookupProperty = await http.GetAsync(new Uri($"{test.Url}/api/data/v9.2/pcrm_kpitargets(_pcrm_propertyid_value={property:D},pcrm_kpi=548210001)"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, byColumn.StatusCode);
        Assert.Contains("The key in the request URI is not valid", await byColumn.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.OK, byLookupProperty.StatusCode);
        Assert.Contains("\"pcrm_kpitargetid\"", await byLookupProperty.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Push_KpiTargetForMissingProperty_ExitsTwoNamingThePropertyAndWritesNothing()
    {
        using var world = new WebApiWorld();
        var test = world.Environment("test");
        Directory.CreateDirectory(world.Path2("a"));
        File.WriteAllText(Path.Combine(world.Path2("a"), "pcrm_kpitarget.json"), "{\"rows\": [{\"pcrm_propertyid\": {\"pcrm_name\": \"不存在 Nowhere\"}, \"pcrm_kpi\": 548210001, \"pcrm_name\": \"x\", \"pcrm_target\": 0.9}]}");

        var (code, _, error) = world.Run("data", "push", "--env", "test", world.Path2("a"));

        Assert.Equal(2, code);
        Assert.Contains("pcrm_property(pcrm_name=不存在 Nowhere)", error);
        Assert.Contains("未写入任何数据", error);
        Assert.Equal(0, test.Count("POST"));
    }

    [Fact]
    public void PushSample_EmptyEnvironment_LoadsTheSimulatedCompanyByKeyAndPullsItBack()
    {
        using var world = new WebApiWorld();
        var demo = world.Environment("demo");
        var plan = PropertyCrm.SampleCompany.CompanyPlan.Generate(SampleConfiguration.PropertyCount, SampleConfiguration.UnitCount, new Random(SampleConfiguration.Seed), SampleConfiguration.MoveInBeforeUtc);
        var units = plan.Properties.SelectMany(p => p.Buildings).SelectMany(b => b.Units).ToList();

        var (code, output, error) = world.Run("data", "push", "--env", "demo", "--sample");

        Assert.True(code == 0, error);
        Assert.Contains("written", output);

        // Four stages, one change set each: properties | buildings | units and owners | occupancies and the configuration.
        Assert.Equal(4, demo.Count("POST /api/data/v9.2/$batch"));
        // Budget: 28 reads (the target's rows per table, key indexes of buildings and units, owners by external key
        // 20 a query, each stage's lookups again after the stage before it is written) and the 4 change sets.
        Assert.Equal(28, demo.Count("GET "));
        Assert.Equal(28 + 4, demo.Log.Count(l => !l.StartsWith(' ')));
        var data = demo.Dataverse;
        Assert.Equal(plan.Properties.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal), data.PeekAll(PropertyTable.LogicalName).Select(p => p.GetAttributeValue<string>(PropertyTable.Columns.Name)).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(plan.Properties.Sum(p => p.Buildings.Count), data.PeekAll(BuildingTable.LogicalName).Count);
        Assert.Equal(SampleConfiguration.UnitCount, data.PeekAll(UnitTable.LogicalName).Count);
        Assert.Equal(units.Count + units.Count(u => u.Family is not null), data.PeekAll(ContactTable.LogicalName).Count);
        Assert.Equal(units.Count + units.Count(u => u.Family is not null), data.PeekAll(OccupancyTable.LogicalName).Count);
        Assert.Equal(plan.Rewards.Count, data.PeekAll(RewardTable.LogicalName).Count);
        Assert.Equal(BuiltInCalendars.Catalog.Calendars.Count, data.PeekAll(BusinessCalendarTable.LogicalName).Count);
        Assert.NotEmpty(data.PeekAll(EarningRuleTable.LogicalName));

        // Lookups landed on the rows they name: unit → its building and property, occupancy → its owner and unit.
        var first = plan.Properties[0];
        var unit = data.PeekAll(UnitTable.LogicalName).Single(u => u.GetAttributeValue<string>(UnitTable.Columns.UnitNumber) == units[0].Name && data.Peek(BuildingTable.LogicalName, u.GetAttributeValue<EntityReference>(UnitTable.Columns.Building).Id)!.GetAttributeValue<EntityReference>(BuildingTable.Columns.Property).Id == u.GetAttributeValue<EntityReference>(UnitTable.Columns.Property).Id && data.Peek(PropertyTable.LogicalName, u.GetAttributeValue<EntityReference>(UnitTable.Columns.Property).Id)!.GetAttributeValue<string>(PropertyTable.Columns.Name) == first.Name);
        Assert.Equal(first.Buildings[0].Name, data.Peek(BuildingTable.LogicalName, unit.GetAttributeValue<EntityReference>(UnitTable.Columns.Building).Id)!.GetAttributeValue<string>(BuildingTable.Columns.Name));
        var owner = data.PeekAll(ContactTable.LogicalName).Single(c => c.GetAttributeValue<string>(ContactTable.Columns.ExternalKey) == SampleConfiguration.ExternalKey(0, units[0].Name, family: false));
        Assert.Equal(units[0].OwnerFirstName, owner.GetAttributeValue<string>(ContactTable.Columns.FirstName));
        var occupancy = data.PeekAll(OccupancyTable.LogicalName).Single(o => o.GetAttributeValue<EntityReference>(OccupancyTable.Columns.Contact).Id == owner.Id);
        Assert.Equal(unit.Id, occupancy.GetAttributeValue<EntityReference>(OccupancyTable.Columns.Unit).Id);
        Assert.Equal(OptionSets.OccupancyRole.Owner, occupancy.GetAttributeValue<OptionSetValue>(OccupancyTable.Columns.Role).Value);

        // Pulled back by key (no GUIDs), the files move the company into a second environment unchanged.
        var tables = new[] { "pcrm_property", "pcrm_building", "pcrm_unit", "contact", "pcrm_occupancy" }.SelectMany(t => new[] { "--table", t }).ToArray();
        Assert.Equal(0, world.Run(new[] { "data", "pull", "--env", "demo", "--out", world.Path2("a") }.Concat(tables).ToArray()).Code);
        var unitsFile = File.ReadAllText(Path.Combine(world.Path2("a"), "pcrm_unit.json"));
        Assert.Contains("\"pcrm_buildingid\": {\n        \"pcrm_propertyid\": {\n          \"pcrm_name\": \"" + first.Name + "\"\n        },\n        \"pcrm_name\": \"" + first.Buildings[0].Name + "\"\n      },\n      \"pcrm_unitnumber\": \"" + units[0].Name + "\"", unitsFile);
        Assert.DoesNotContain(unit.Id.ToString(), unitsFile);
        Assert.Contains("\"pcrm_moveindate\": \"" + units[0].MoveIn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "\"", File.ReadAllText(Path.Combine(world.Path2("a"), "contact.json")));
        var copy = world.Environment("copy");
        var (copyCode, _, copyError) = world.Run("data", "push", "--env", "copy", world.Path2("a"));
        Assert.True(copyCode == 0, copyError);
        Assert.Equal(0, world.Run(new[] { "data", "pull", "--env", "copy", "--out", world.Path2("b") }.Concat(tables).ToArray()).Code);
        foreach (var file in Directory.GetFiles(world.Path2("a")))
        {
            Assert.Equal(File.ReadAllText(file), File.ReadAllText(Path.Combine(world.Path2("b"), Path.GetFileName(file))));
        }

        // Pushed again, the sample finds every row in place and writes nothing.
        var batches = demo.Count("POST /api/data/v9.2/$batch");
        var (againCode, againOutput, againError) = world.Run("data", "push", "--env", "demo", "--sample");
        Assert.True(againCode == 0, againError);
        Assert.Equal(batches, demo.Count("POST /api/data/v9.2/$batch"));
        Assert.Matches(@"pcrm_unit\s+0\s+0\s+40\s", againOutput);
    }

    private static Entity Reward(string code, int cost) => new(RewardTable.LogicalName)
    {
        [RewardTable.Columns.Code] = code,
        [RewardTable.Columns.Name] = "礼品 " + code,
        [RewardTable.Columns.Kind] = new OptionSetValue(OptionSets.RewardKind.Gift),
        [RewardTable.Columns.PointsCost] = cost,
    };

    private static void SeedReferences(FakeDataverse dataverse)
    {
        dataverse.Seed(new Entity(PropertyTable.LogicalName) { [PropertyTable.Columns.Name] = "锦绣花园" });
        dataverse.Seed(new Entity("team") { ["name"] = "维修班" });
    }

    private static void SeedConfiguration(FakeDataverse dataverse)
    {
        SeedReferences(dataverse);
        var property = dataverse.PeekAll(PropertyTable.LogicalName).Single().Id;
        var team = dataverse.PeekAll("team").Single(t => t.GetAttributeValue<string>("name") == "维修班").Id;
        dataverse.Seed(new Entity(BusinessCalendarTable.LogicalName)
        {
            [BusinessCalendarTable.Columns.Name] = "jinxiu-hours",
            [BusinessCalendarTable.Columns.Definition] = BuiltInCalendars.Definition("service-hours")!.Replace("\"name\": \"service-hours\"", "\"name\": \"jinxiu-hours\"", StringComparison.Ordinal),
        });
        dataverse.Seed(new Entity(RewardTable.LogicalName)
        {
            [RewardTable.Columns.Code] = "VOUCHER-50",
            [RewardTable.Columns.Name] = "物业费抵扣券 50 元 Fee voucher",
            [RewardTable.Columns.Kind] = new OptionSetValue(OptionSets.RewardKind.FeeDiscountVoucher),
            [RewardTable.Columns.PointsCost] = 500,
            [RewardTable.Columns.FaceValue] = new Money(50m),
        });
        dataverse.Seed(new Entity(EarningRuleTable.LogicalName)
        {
            [EarningRuleTable.Columns.Rule] = new OptionSetValue(OptionSets.EarnRule.SurveyCompleted),
            [EarningRuleTable.Columns.Name] = "问卷 Survey",
            [EarningRuleTable.Columns.PointsPerEvent] = 20,
            [EarningRuleTable.Columns.GoldMultiplier] = 1.5m,
            [EarningRuleTable.Columns.Enabled] = true,
        });
        dataverse.Seed(new Entity(SlaPolicyTable.LogicalName)
        {
            [SlaPolicyTable.Columns.Name] = "锦绣花园 紧急维修",
            [SlaPolicyTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, property),
            [SlaPolicyTable.Columns.ResolutionMinutes] = 240,
            [SlaPolicyTable.Columns.ResolutionCalendar] = "24x7",
        });
        foreach (var (kpi, target) in new[] { (OptionSets.Kpi.FirstResponseOnTime, 0.97m), (OptionSets.Kpi.AverageResponseMinutes, 25m) })
        {
            dataverse.Seed(new Entity(KpiTargetTable.LogicalName)
            {
                [KpiTargetTable.Columns.Name] = "锦绣花园 " + kpi.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [KpiTargetTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, property),
                [KpiTargetTable.Columns.Kpi] = new OptionSetValue(kpi),
                [KpiTargetTable.Columns.Target] = target,
            });
        }

        dataverse.Seed(new Entity(DispatchRuleTable.LogicalName)
        {
            [DispatchRuleTable.Columns.Name] = "锦绣花园 维修",
            [DispatchRuleTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, property),
            [DispatchRuleTable.Columns.Team] = new EntityReference("team", team),
        });
    }
}
