using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Steps.Configuration;
using PropertyCrm.Schema.Tables;
using Choices = PropertyCrm.Schema.OptionSets;
using Columns = PropertyCrm.Schema.Tables.DispatchRuleTable.Columns;
using RequestColumns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;
using Status = PropertyCrm.Tests.ServiceRequests.SlaTestBed.Status;
using Type = PropertyCrm.Tests.ServiceRequests.SlaTestBed.Type;

namespace PropertyCrm.Tests.ServiceRequests;

/// <summary>Admin saves of dispatch rules (pcrm_dispatchrule) through the real pipeline: validation and the cache refresh.</summary>
public sealed class DispatchRuleValidationTests
{
    private const int Maintenance = Choices.ServiceLine.Maintenance;

    [Theory]
    [InlineData(true, "not both")]
    [InlineData(false, "must assign to a user or to a team")]
    public void Create_BothOrNeitherTarget_RefusedBilinguallyAndNothingSaved(bool both, string fragment)
    {
        using var bed = new SlaTestBed();
        var rule = Rule("翠湖 维修", bed.Property, Maintenance, user: both ? bed.Dataverse.CreateUser("工程师 王") : null);
        if (both)
        {
            rule[Columns.Team] = new EntityReference("team", bed.Dataverse.CreateTeam("维修组", FakeDataverse.RootBusinessUnitId, Array.Empty<string>()));
        }

        var fault = Assert.Throws<DataverseFaultException>(() => bed.Dataverse.Service.Create(rule));

        Assert.Contains(fragment, fault.Message, StringComparison.Ordinal);
        Assert.Matches("[\\u4e00-\\u9fff].* / .*[A-Za-z]", fault.Message);
        Assert.Equal(0, bed.Dataverse.Count(DispatchRuleTable.LogicalName));
    }

    [Fact]
    public void Update_TeamAddedToUserRule_RefusedAndRowUnchanged()
    {
        using var bed = new SlaTestBed();
        var id = bed.Dataverse.Service.Create(Rule("翠湖 维修", bed.Property, Maintenance, user: bed.Dataverse.CreateUser("工程师 王")));
        var team = bed.Dataverse.CreateTeam("维修组", FakeDataverse.RootBusinessUnitId, Array.Empty<string>());

        var fault = Assert.Throws<DataverseFaultException>(
            () => bed.Dataverse.Service.Update(new Entity(DispatchRuleTable.LogicalName, id) { [Columns.Team] = new EntityReference("team", team) }));

        Assert.Contains("not both", fault.Message, StringComparison.Ordinal);
        Assert.Null(bed.Dataverse.Peek(DispatchRuleTable.LogicalName, id)!.GetAttributeValue<EntityReference>(Columns.Team));
    }

    [Fact]
    public void Create_UniqueRule_SavedWithinOneRead()
    {
        using var bed = new SlaTestBed();
        bed.Dataverse.Service.Create(Rule("全公司", null, null, user: bed.Dataverse.CreateUser("工程师 王")));

        bed.Dataverse.Service.Create(Rule("翠湖 维修", bed.Property, Maintenance, user: bed.Dataverse.CreateUser("工程师 李")));

        var calls = bed.Dataverse.LastExecution.PluginCalls;
        Assert.True(calls.By<DispatchRuleValidationPlugin>().Reads <= 1, calls.ToString());
        Assert.Equal(0, calls.Writes);
        Assert.Equal(0, bed.Dataverse.AllColumnsRequests);
        Assert.Equal(2, bed.Dataverse.Count(DispatchRuleTable.LogicalName));
    }

    [Fact]
    public void Create_SameCriteriaAsActiveRule_RefusedNamingIt()
    {
        using var bed = new SlaTestBed();
        bed.Dataverse.Service.Create(Rule("翠湖 维修 王", bed.Property, Maintenance, user: bed.Dataverse.CreateUser("工程师 王")));

        var fault = Assert.Throws<DataverseFaultException>(
            () => bed.Dataverse.Service.Create(Rule("翠湖 维修 李", bed.Property, Maintenance, user: bed.Dataverse.CreateUser("工程师 李"))));

        Assert.Contains("'翠湖 维修 王'", fault.Message, StringComparison.Ordinal);
        Assert.Matches("[\\u4e00-\\u9fff].* / .*[A-Za-z]", fault.Message);
        Assert.Equal(1, bed.Dataverse.Count(DispatchRuleTable.LogicalName));
    }

    [Fact]
    public void Update_ActivatingDuplicateOfActiveRule_Refused()
    {
        using var bed = new SlaTestBed();
        bed.Dataverse.Service.Create(Rule("全公司 A", null, null, user: bed.Dataverse.CreateUser("工程师 王")));
        var id = bed.Dataverse.Service.Create(Rule("全公司 B", null, null, user: bed.Dataverse.CreateUser("工程师 李"), active: false));

        var fault = Assert.Throws<DataverseFaultException>(() => bed.Dataverse.Service.Update(new Entity(DispatchRuleTable.LogicalName, id)
        {
            [Columns.StateCode] = new OptionSetValue(0),
            [Columns.StatusCode] = new OptionSetValue(1),
        }));

        Assert.Contains("'全公司 A'", fault.Message, StringComparison.Ordinal);
        Assert.Equal(1, bed.Dataverse.Peek(DispatchRuleTable.LogicalName, id)!.GetAttributeValue<OptionSetValue>(Columns.StateCode).Value);
    }

    [Fact]
    public void Create_InactiveDuplicateOfActiveRule_Allowed()
    {
        using var bed = new SlaTestBed();
        bed.Dataverse.Service.Create(Rule("翠湖 维修 王", bed.Property, Maintenance, user: bed.Dataverse.CreateUser("工程师 王")));

        bed.Dataverse.Service.Create(Rule("翠湖 维修 李 备用", bed.Property, Maintenance, user: bed.Dataverse.CreateUser("工程师 李"), active: false));

        Assert.Equal(2, bed.Dataverse.Count(DispatchRuleTable.LogicalName));
    }

    [Fact]
    public void Create_RuleSavedAfterCacheWarmed_UsedByNextAcceptance()
    {
        using var bed = new SlaTestBed();
        var warm = bed.Log(Type.Repair, "灯不亮", serviceLine: Maintenance);
        bed.Move(warm, Status.Accepted); // no rule yet: the empty rule set is now cached
        var technician = bed.Dataverse.CreateUser("工程师 王");

        bed.Dataverse.Service.Create(Rule("翠湖 维修", bed.Property, Maintenance, user: technician));
        var id = bed.Log(Type.Repair, "水管漏水", serviceLine: Maintenance);
        bed.Move(id, Status.Accepted);

        Assert.Equal(Status.Accepted, bed.Option(warm, RequestColumns.StatusCode));
        Assert.Equal(technician, bed.Row(id).GetAttributeValue<EntityReference>(RequestColumns.OwnerId).Id);
        Assert.Equal(Status.Dispatched, bed.Option(id, RequestColumns.StatusCode));
    }

    [Fact]
    public void Update_RuleTechnicianChanged_NextAcceptanceUsesNewTechnician()
    {
        using var bed = new SlaTestBed();
        var (before, after) = (bed.Dataverse.CreateUser("工程师 王"), bed.Dataverse.CreateUser("工程师 李"));
        var rule = bed.Dataverse.Service.Create(Rule("翠湖 维修", bed.Property, Maintenance, user: before));
        var first = bed.Log(Type.Repair, "灯不亮", serviceLine: Maintenance);
        bed.Move(first, Status.Accepted);

        bed.Dataverse.Service.Update(new Entity(DispatchRuleTable.LogicalName, rule) { [Columns.Technician] = User(after) });
        var second = bed.Log(Type.Repair, "水管漏水", serviceLine: Maintenance);
        bed.Move(second, Status.Accepted);

        Assert.Equal(before, bed.Row(first).GetAttributeValue<EntityReference>(RequestColumns.OwnerId).Id);
        Assert.Equal(after, bed.Row(second).GetAttributeValue<EntityReference>(RequestColumns.OwnerId).Id);
    }

    [Fact]
    public void Delete_RuleDeleted_NextAcceptanceWaitsForDispatch()
    {
        using var bed = new SlaTestBed();
        var rule = bed.Dataverse.Service.Create(Rule("翠湖 维修", bed.Property, Maintenance, user: bed.Dataverse.CreateUser("工程师 王")));
        var first = bed.Log(Type.Repair, "灯不亮", serviceLine: Maintenance);
        bed.Move(first, Status.Accepted);

        bed.Dataverse.Service.Delete(DispatchRuleTable.LogicalName, rule);
        var second = bed.Log(Type.Repair, "水管漏水", serviceLine: Maintenance);
        bed.Move(second, Status.Accepted);

        Assert.Equal(Status.Dispatched, bed.Option(first, RequestColumns.StatusCode));
        Assert.Equal(Status.Accepted, bed.Option(second, RequestColumns.StatusCode));
    }

    [Fact]
    public void Accept_RoundRobinWritesOnRule_NeitherValidateNorInvalidateCache()
    {
        using var bed = new SlaTestBed();
        var team = bed.Dataverse.CreateTeam(
            "维修组",
            FakeDataverse.RootBusinessUnitId,
            Array.Empty<string>(),
            bed.Dataverse.CreateUser("甲"),
            bed.Dataverse.CreateUser("乙"));
        var rule = Rule("全公司 轮流", null, null);
        rule[Columns.Team] = new EntityReference("team", team);
        rule[Columns.Strategy] = new OptionSetValue(Choices.DispatchStrategy.RoundRobin);
        bed.Dataverse.Service.Create(rule);
        bed.Move(bed.Log(Type.Repair, "报修 1"), Status.Accepted);

        bed.Move(bed.Log(Type.Repair, "报修 2"), Status.Accepted);

        var calls = bed.Dataverse.LastExecution.PluginCalls;
        Assert.Equal(0, calls.By<DispatchRuleValidationPlugin>().Total);
        Assert.Equal(0, calls.Calls.Count(c => c.MessageName == "RetrieveMultiple" && c.EntityName == DispatchRuleTable.LogicalName)); // cache still warm
    }

    private static Entity Rule(string name, Guid? property, int? line, Guid? user = null, bool active = true)
    {
        var row = new Entity(DispatchRuleTable.LogicalName)
        {
            [Columns.Name] = name,
            [Columns.StateCode] = new OptionSetValue(active ? 0 : 1),
            [Columns.StatusCode] = new OptionSetValue(active ? 1 : 2),
        };
        if (property is Guid p)
        {
            row[Columns.Property] = new EntityReference(PropertyTable.LogicalName, p);
        }

        if (line is int l)
        {
            row[Columns.ServiceLine] = new OptionSetValue(l);
        }

        if (user is Guid u)
        {
            row[Columns.Technician] = User(u);
        }

        return row;
    }

    private static EntityReference User(Guid id) => new("systemuser", id);
}
