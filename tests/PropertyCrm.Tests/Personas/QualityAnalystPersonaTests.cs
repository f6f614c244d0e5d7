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
    public void JudgeComplaint_AnyPropertyInTheDecisionProfile_SavedAndStamped()
    {
        using var world = new PersonaWorld();
        world.Dataverse.AddToFieldSecurityProfile(PropertyCrm.Schema.FieldSecurityProfiles.ComplaintDecision, world.Analyst);
        var jade = world.As(world.JadeAgent).Create(new Entity(ServiceRequestTable.LogicalName)
        {
            [Requests.Name] = "翠湖苑 投诉 收费 complaint about fees",
            [Requests.RequestType] = new OptionSetValue(PropertyCrm.Schema.OptionSets.RequestType.Complaint),
            [Requests.Property] = new EntityReference(PropertyTable.LogicalName, world.JadeProperty),
            [Requests.Contact] = new EntityReference(ContactTable.LogicalName, world.JadeOwner),
            [Requests.ComplaintCause] = new OptionSetValue(PropertyCrm.Schema.OptionSets.ComplaintCause.Fees),
        });

        world.As(world.Analyst).Update(new Entity(ServiceRequestTable.LogicalName, jade)
        {
            [Requests.ValidComplaint] = true,
            [Requests.ValidComplaintReason] = "公摊电费重复收取 / shared electricity billed twice",
        });

        var row = world.Dataverse.Row(ServiceRequestTable.LogicalName, jade);
        Assert.True(row.Get<bool>(Requests.ValidComplaint));
        Assert.Equal(world.Analyst, row.Get<EntityReference>(Requests.ValidComplaintDecidedBy).Id);
    }

    [Fact]
    public void JudgeComplaint_RoleWithoutTheDecisionProfile_ColumnSecurityRefuses()
    {
        using var world = new PersonaWorld();
        var id = ComplaintWalkthroughTests.LogComplaint(world, world.Agent, world.SunshineOwner);

        PersonaWorld.Refused(DataverseErrorCodes.AttributePermissionUpdateIsMissingDuringUpdate, () => world.As(world.Analyst).Update(
            new Entity(ServiceRequestTable.LogicalName, id) { [Requests.ValidComplaint] = true, [Requests.ValidComplaintReason] = "属实 / upheld" }));
    }

    [Fact]
    public void ReadPhotoNotes_AnyProperty_Visible()
    {
        using var world = new PersonaWorld();
        var id = world.LogRepair(world.JadeAgent, world.JadeProperty, world.JadeOwner, "翠湖苑 漏水 leak");
        var note = world.As(world.JadeAgent).Create(new Entity(PlatformTables.Annotation)
        {
            ["subject"] = "现场照片 site photo",
            ["objectid"] = new EntityReference(ServiceRequestTable.LogicalName, id),
        });

        Assert.Contains(note, world.Visible(world.Analyst, PlatformTables.Annotation));
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
