using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Schema.Tables;
using Choices = PropertyCrm.Schema.OptionSets;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;
using Rules = PropertyCrm.Schema.Tables.DispatchRuleTable.Columns;
using Status = PropertyCrm.Tests.ServiceRequests.SlaTestBed.Status;
using Type = PropertyCrm.Tests.ServiceRequests.SlaTestBed.Type;

namespace PropertyCrm.Tests.ServiceRequests;

/// <summary>派工: acceptance assigns by the dispatch rules through the real pipeline; budgets, strategies, override, no rule.</summary>
public sealed class DispatchTests
{
    private const int Maintenance = Choices.ServiceLine.Maintenance;

    [Fact]
    public void Accept_TeamRuleLeastLoaded_LeastLoadedMemberDispatchedWithinBudget()
    {
        using var bed = new SlaTestBed();
        var (busy, idle) = (bed.Dataverse.CreateUser("工程师 王强"), bed.Dataverse.CreateUser("工程师 李刚"));
        var team = bed.Dataverse.CreateTeam("维修一组", FakeDataverse.RootBusinessUnitId, Array.Empty<string>(), busy, idle);
        Rule(bed, "翠湖花园 维修", bed.Property, Maintenance, team: team);
        bed.Log(Type.Repair, "灯不亮", serviceLine: Maintenance, more: r => r[Columns.OwnerId] = User(busy));
        bed.Log(Type.Repair, "门铃坏", serviceLine: Maintenance, more: r => r[Columns.OwnerId] = User(busy));
        bed.Log(Type.Repair, "水龙头", serviceLine: Maintenance, more: r => r[Columns.OwnerId] = User(idle));
        Resolved(bed, idle, 3);
        bed.Move(bed.Log(Type.Repair, "别处", property: bed.OtherProperty), Status.Accepted); // warms the rules; no rule there
        var id = bed.Log(Type.Repair, "3-1-802 水管漏水 leaking pipe", serviceLine: Maintenance);
        bed.Advance(TimeSpan.FromMinutes(3));

        bed.Move(id, Status.Accepted);

        var calls = bed.Dataverse.LastExecution.PluginCalls;
        Assert.True(calls.Reads <= 3 + 1, string.Join("; ", calls.Calls.Select(c => c.ToString()))); // + the read under the request's lock
        Assert.Equal(1, calls.Writes); // the request's lock
        Assert.Equal(0, bed.Dataverse.AllColumnsRequests);
        Assert.Equal(idle, bed.Row(id).GetAttributeValue<EntityReference>(Columns.OwnerId).Id);
        Assert.Equal(Status.Dispatched, bed.Option(id, Columns.StatusCode));
        Assert.NotNull(bed.Row(id).GetAttributeValue<DateTime?>(Columns.DispatchedOn));
        Assert.NotNull(bed.Row(id).GetAttributeValue<DateTime?>(Columns.AcceptedOn));
    }

    [Fact]
    public void Accept_TeamRuleRoundRobin_CyclesMembersAndRecordsLastAssignee()
    {
        using var bed = new SlaTestBed();
        var members = new[] { bed.Dataverse.CreateUser("甲"), bed.Dataverse.CreateUser("乙"), bed.Dataverse.CreateUser("丙") };
        var team = bed.Dataverse.CreateTeam("维修二组", FakeDataverse.RootBusinessUnitId, Array.Empty<string>(), members);
        var rule = Rule(bed, "公司 轮流", null, null, team: team, strategy: Choices.DispatchStrategy.RoundRobin);
        var order = members.OrderBy(m => m).ToArray();

        var assigned = Enumerable.Range(1, 4).Select(n =>
        {
            var id = bed.Log(Type.Repair, $"报修 {n}");
            bed.Move(id, Status.Accepted);
            Assert.Equal(3, bed.Dataverse.LastExecution.PluginCalls.Writes); // the request's lock, the rule's lock, then its last assignee
            return bed.Row(id).GetAttributeValue<EntityReference>(Columns.OwnerId).Id;
        }).ToArray();

        Assert.Equal(new[] { order[0], order[1], order[2], order[0] }, assigned);
        var stored = bed.Dataverse.Peek(DispatchRuleTable.LogicalName, rule)!;
        Assert.Equal(order[0], stored.GetAttributeValue<EntityReference>(Rules.LastAssignee).Id);
        Assert.Equal(bed.Dataverse.Clock.UtcNow, stored.GetAttributeValue<DateTime?>(Rules.LastDispatchedOn));
    }

    [Fact]
    public void Accept_UserRuleForPropertyAndLine_WinsOverCompanyTeamRule()
    {
        using var bed = new SlaTestBed();
        var plumber = bed.Dataverse.CreateUser("水电工 赵师傅");
        var other = bed.Dataverse.CreateUser("工程师 钱");
        var team = bed.Dataverse.CreateTeam("公司维修", FakeDataverse.RootBusinessUnitId, Array.Empty<string>(), other);
        Rule(bed, "公司", null, null, team: team);
        Rule(bed, "翠湖花园 维修", bed.Property, Maintenance, user: plumber);
        var id = bed.Log(Type.Repair, "马桶堵了", serviceLine: Maintenance);

        bed.Move(id, Status.Accepted);

        Assert.Equal(plumber, bed.Row(id).GetAttributeValue<EntityReference>(Columns.OwnerId).Id);
        Assert.Equal(Status.Dispatched, bed.Option(id, Columns.StatusCode));
        var cleaning = bed.Log(Type.Repair, "楼道脏", serviceLine: Choices.ServiceLine.Cleaning);
        bed.Move(cleaning, Status.Accepted);
        Assert.Equal(other, bed.Row(cleaning).GetAttributeValue<EntityReference>(Columns.OwnerId).Id);
    }

    [Fact]
    public void Create_AcceptedWithUserRule_DispatchedOnCreate()
    {
        using var bed = new SlaTestBed();
        var technician = bed.Dataverse.CreateUser("工程师 孙");
        Rule(bed, "公司", null, null, user: technician);

        var id = bed.Log(Type.Repair, "电梯异响", more: r => r[Columns.StatusCode] = new OptionSetValue(Status.Accepted));

        Assert.Equal(technician, bed.Row(id).GetAttributeValue<EntityReference>(Columns.OwnerId).Id);
        Assert.Equal(Status.Dispatched, bed.Option(id, Columns.StatusCode));
    }

    [Fact]
    public void Accept_AgentChoseTechnician_ChoiceKeptAndDispatched()
    {
        using var bed = new SlaTestBed();
        var ruled = bed.Dataverse.CreateUser("工程师 周");
        var chosen = bed.Dataverse.CreateUser("工程师 吴");
        Rule(bed, "公司", null, null, user: ruled);
        var id = bed.Log(Type.Repair, "空调漏水");

        bed.Move(id, Status.Accepted, r => r[Columns.OwnerId] = User(chosen));

        Assert.Equal(chosen, bed.Row(id).GetAttributeValue<EntityReference>(Columns.OwnerId).Id);
        Assert.Equal(Status.Dispatched, bed.Option(id, Columns.StatusCode));
    }

    [Fact]
    public void Accept_NoRule_StaysAcceptedUnassignedAndInAwaitingDispatchView()
    {
        using var bed = new SlaTestBed();
        Rule(bed, "别的项目", bed.OtherProperty, null, user: bed.Dataverse.CreateUser("工程师 郑"));
        Rule(bed, "停用", null, null, user: bed.Dataverse.CreateUser("工程师 冯"), active: false);
        var id = bed.Log(Type.Repair, "车库门坏了");

        bed.Move(id, Status.Accepted);

        Assert.Equal(Status.Accepted, bed.Option(id, Columns.StatusCode));
        Assert.Equal(bed.Agent, bed.Row(id).GetAttributeValue<EntityReference>(Columns.OwnerId).Id);
        Assert.Null(bed.Row(id).GetAttributeValue<DateTime?>(Columns.DispatchedOn));
        Assert.Contains(id, DispatchViews.Run(bed.AgentService, DispatchViews.AwaitingDispatch));
    }

    private static Guid Rule(SlaTestBed bed, string name, Guid? property, int? line, Guid? user = null, Guid? team = null, int? strategy = null, bool active = true)
    {
        var row = new Entity(DispatchRuleTable.LogicalName)
        {
            [Rules.Name] = name,
            [Rules.StateCode] = new OptionSetValue(active ? 0 : 1),
            [Rules.StatusCode] = new OptionSetValue(active ? 1 : 2),
        };
        if (property is Guid p)
        {
            row[Rules.Property] = new EntityReference(PropertyTable.LogicalName, p);
        }

        if (line is int l)
        {
            row[Rules.ServiceLine] = new OptionSetValue(l);
        }

        if (user is Guid u)
        {
            row[Rules.Technician] = User(u);
        }

        if (team is Guid t)
        {
            row[Rules.Team] = new EntityReference("team", t);
        }

        if (strategy is int s)
        {
            row[Rules.Strategy] = new OptionSetValue(s);
        }

        return bed.Dataverse.Seed(row);
    }

    private static void Resolved(SlaTestBed bed, Guid owner, int count)
    {
        for (var i = 0; i < count; i++)
        {
            bed.Dataverse.Seed(new Entity(ServiceRequestTable.LogicalName)
            {
                [Columns.Name] = $"已解决 {i}",
                [Columns.RequestType] = new OptionSetValue(Type.Repair),
                [Columns.Property] = new EntityReference(PropertyTable.LogicalName, bed.Property),
                [Columns.OwnerId] = User(owner),
                [Columns.StatusCode] = new OptionSetValue(Status.Resolved),
            });
        }
    }

    private static EntityReference User(Guid id) => new("systemuser", id);
}
