using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;
using Requests = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Tests.Personas;

/// <summary>品质部 quality analyst at head office (root unit, organization-wide read): reads requests and follow-ups of every property.</summary>
public sealed class QualityAnalystPersonaTests
{
    [Fact]
    public void ReadFollowUps_AcrossProperties_SeesEveryPropertysRequests()
    {
        using var world = new PersonaWorld();
        var sunshine = world.LogRepair(world.Agent, world.SunshineProperty, world.SunshineOwner, "阳光花园 Sunshine");
        var jade = world.LogRepair(world.JadeAgent, world.JadeProperty, world.JadeOwner, "翠湖苑 Jade Lake");

        var rows = world.As(world.Analyst).RetrieveMultiple(new QueryExpression(ServiceRequestTable.LogicalName)
        {
            ColumnSet = new ColumnSet(Requests.Satisfaction, Requests.FollowUpOn, Requests.FollowUpNotes, Requests.Property),
        }).Entities;

        Assert.Contains(rows, r => r.Id == sunshine);
        Assert.Contains(rows, r => r.Id == jade);
    }

    [Fact]
    public void MarkValidComplaint_AnyProperty_Saved()
    {
        using var world = new PersonaWorld();
        var jade = world.LogRepair(world.JadeAgent, world.JadeProperty, world.JadeOwner, "翠湖苑 投诉 complaint");

        world.As(world.Analyst).Update(new Entity(ServiceRequestTable.LogicalName, jade) { [Requests.ValidComplaint] = true });

        Assert.True(world.Dataverse.Row(ServiceRequestTable.LogicalName, jade).Get<bool>(Requests.ValidComplaint));
    }

    [Fact]
    public void LogRequest_AsAnalyst_PrivilegeDenied()
    {
        using var world = new PersonaWorld();

        PersonaWorld.Refused(DataverseErrorCodes.PrivilegeDenied, () =>
            world.LogRepair(world.Analyst, world.SunshineProperty, world.SunshineOwner, "品质部不登记工单 analysts do not log requests"));
    }

    [Fact]
    public void ReadOwnerIdNumber_WithoutProfile_ColumnLeftOut()
    {
        using var world = new PersonaWorld();
        var owner = DataProducerOwnerWithId(world);

        var row = world.As(world.Analyst).Retrieve(ContactTable.LogicalName, owner, new ColumnSet(ContactTable.Columns.IdNumber, ContactTable.Columns.LastName));

        Assert.False(row.Contains(ContactTable.Columns.IdNumber));
        Assert.True(row.Contains(ContactTable.Columns.LastName));
    }

    internal static System.Guid DataProducerOwnerWithId(PersonaWorld world)
    {
        var row = Support.DataProducer.NewOwner();
        row[ContactTable.Columns.IdNumber] = "110101199003071234";
        row[ContactTable.Columns.SensitiveDataConsent] = true;
        return world.Owned(row, world.SunshineDesk);
    }
}
