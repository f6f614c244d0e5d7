using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Steps.Loyalty.Redemption;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;
using Requests = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Tests.Personas;

/// <summary>客服专员 agent of 阳光花园: logs requests for the property's owners and redeems rewards for them, nothing beyond.</summary>
public sealed class AgentPersonaTests
{
    [Fact]
    public void LogRequest_ForOwnPropertysOwner_CreatedOwnedByAgentWithSla()
    {
        using var world = new PersonaWorld();

        var id = world.LogRepair(world.Agent, world.SunshineProperty, world.SunshineOwner, "3-1-802 厨房漏水 kitchen leak");

        var row = world.Dataverse.Row(ServiceRequestTable.LogicalName, id);
        Assert.Equal(world.Agent, row.Get<EntityReference>(Requests.OwnerId).Id);
        Assert.Equal(world.Agent, row.Get<EntityReference>(Requests.FirstContactOwner).Id);
        Assert.NotNull(row.Get<string>(Requests.SlaPolicyName));
        Assert.Contains(id, world.Visible(world.Agent, ServiceRequestTable.LogicalName));
    }

    [Fact]
    public void RedeemReward_ForOwnPropertysOwner_LedgerEntryOwnedLikeTheOwner()
    {
        using var world = new PersonaWorld();
        var withPoints = DataProducer.NewOwner();
        withPoints[ContactTable.Columns.PointsBalance] = 300;
        var owner = world.Owned(withPoints, world.SunshineDesk);
        world.Dataverse.Seed(LedgerStore.ToRow(owner, Earned(300)));
        var reward = world.Data.Reward(cost: 100);

        world.As(world.Agent).Execute(new OrganizationRequest(RedeemRewardPlugin.ApiName)
        {
            [RedeemRewardPlugin.ContactParameter] = new EntityReference(ContactTable.LogicalName, owner),
            [RedeemRewardPlugin.RewardParameter] = new EntityReference(RewardTable.LogicalName, reward),
        });

        Assert.Equal(200, world.Dataverse.Row(ContactTable.LogicalName, owner).Get<int>(ContactTable.Columns.PointsBalance));
        var redeem = Assert.Single(world.Dataverse.PeekAll(PointsEntryTable.LogicalName), e => e.GetAttributeValue<int>(PointsEntryTable.Columns.Points) < 0);
        Assert.Equal(world.SunshineDesk, redeem.GetAttributeValue<EntityReference>(PointsEntryTable.Columns.OwnerId).Id);
    }

    [Fact]
    public void LogRequest_UnitHadHotlineRequest_LinkedAsRepeatThoughAgentCannotSeeIt()
    {
        using var world = new PersonaWorld();
        var hotline = world.Dataverse.CreateUser("热线 王芳 Hotline agent", FakeDataverse.RootBusinessUnitId, PersonaWorld.AgentRole);
        var earlier = world.Dataverse.Seed(new Entity(ServiceRequestTable.LogicalName)
        {
            [Requests.Name] = "热线登记 hotline: 3-1-802 漏水 leak",
            [Requests.ServiceLine] = new OptionSetValue(global::PropertyCrm.Schema.OptionSets.ServiceLine.Maintenance),
            [Requests.Unit] = new EntityReference(UnitTable.LogicalName, world.SunshineUnit),
            [Requests.OwnerId] = new EntityReference("systemuser", hotline),
            [Requests.CreatedOn] = world.Dataverse.Clock.UtcNow.AddDays(-5),
        });
        Assert.DoesNotContain(earlier, world.Visible(world.Agent, ServiceRequestTable.LogicalName));

        var id = world.As(world.Agent).Create(new Entity(ServiceRequestTable.LogicalName)
        {
            [Requests.Name] = "3-1-802 又漏水 leaking again",
            [Requests.RequestType] = new OptionSetValue(global::PropertyCrm.Schema.OptionSets.RequestType.Repair),
            [Requests.ServiceLine] = new OptionSetValue(global::PropertyCrm.Schema.OptionSets.ServiceLine.Maintenance),
            [Requests.Property] = new EntityReference(PropertyTable.LogicalName, world.SunshineProperty),
            [Requests.Unit] = new EntityReference(UnitTable.LogicalName, world.SunshineUnit),
        });
        world.Dataverse.DrainAsyncSteps();

        Assert.Empty(world.Dataverse.AsyncFailures);
        Assert.Equal(earlier, world.Dataverse.Row(ServiceRequestTable.LogicalName, id).Get<EntityReference>(Requests.RepeatOf).Id);
    }

    [Fact]
    public void Retrieve_AnotherPropertysOwner_AccessDenied()
    {
        using var world = new PersonaWorld();

        PersonaWorld.Refused(DataverseErrorCodes.AccessDenied, () =>
            world.As(world.Agent).Retrieve(ContactTable.LogicalName, world.JadeOwner, new ColumnSet(ContactTable.Columns.LastName)));
        Assert.DoesNotContain(world.JadeOwner, world.Visible(world.Agent, ContactTable.LogicalName));
        Assert.Contains(world.SunshineOwner, world.Visible(world.Agent, ContactTable.LogicalName));
    }

    [Fact]
    public void LogRequest_ForAnotherPropertysOwner_AccessDenied()
    {
        using var world = new PersonaWorld();

        PersonaWorld.Refused(DataverseErrorCodes.AccessDenied, () =>
            world.LogRepair(world.Agent, world.JadeProperty, world.JadeOwner, "越权 out of reach"));
        Assert.Equal(0, world.Dataverse.Count(ServiceRequestTable.LogicalName));
    }

    [Fact]
    public void CreatePointsEntry_ByHand_RefusedByLedgerGuard()
    {
        using var world = new PersonaWorld();

        // The guard is a pre-validation step, which Dataverse runs before its security checks: its bilingual refusal wins.
        var fault = PersonaWorld.Refused(DataverseErrorCodes.IsvAborted, () =>
            world.As(world.Agent).Create(LedgerStore.ToRow(world.SunshineOwner, Earned(1_000))));
        Assert.Matches("[\\u4e00-\\u9fff].* / .*[A-Za-z]", fault.Message);
    }

    [Fact]
    public void ReadLedger_AsAgent_PrivilegeDenied()
    {
        using var world = new PersonaWorld();

        var fault = PersonaWorld.Refused(DataverseErrorCodes.PrivilegeDenied, () => world.Visible(world.Agent, PointsEntryTable.LogicalName));
        Assert.Contains("prvReadpcrm_pointsentry", fault.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void RetrieveMultiple_Requests_OnlyOwnBusinessUnits()
    {
        using var world = new PersonaWorld();
        var own = world.LogRepair(world.Supervisor, world.SunshineProperty, world.SunshineOwner, "同事的工单 colleague's request");
        var other = world.LogRepair(world.JadeAgent, world.JadeProperty, world.JadeOwner, "翠湖苑工单 Jade Lake request");

        var visible = world.Visible(world.Agent, ServiceRequestTable.LogicalName);

        Assert.Contains(own, visible);
        Assert.DoesNotContain(other, visible);
    }

    private static global::PropertyCrm.Domain.Loyalty.Points.PointsLedgerEntry Earned(int points)
    {
        var expires = global::PropertyCrm.Domain.Loyalty.ChinaDate.Parse("2027-12-31");
        return global::PropertyCrm.Domain.Loyalty.Points.PointsLedgerEntry.Earn(
            global::PropertyCrm.Domain.Loyalty.Points.LedgerKeys.Earn(
                global::PropertyCrm.Domain.Loyalty.Points.EarnRuleCode.OnTimeFeePayment,
                "seed-" + points), 1, global::PropertyCrm.Domain.Loyalty.Points.EarnRuleCode.OnTimeFeePayment,
            "seed-" + points, points, expires.AddYears(-2).StartInstant.AddHours(10), expires, "按时缴费 / On-time fee payment");
    }
}
