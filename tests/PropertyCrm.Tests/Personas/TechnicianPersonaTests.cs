using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;
using Requests = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;
using Status = PropertyCrm.Schema.Tables.ServiceRequestTable.StatusReasons;

namespace PropertyCrm.Tests.Personas;

/// <summary>维修工程师 technician of 阳光花园: works the requests dispatched to him (user-level write), reads the property's others.</summary>
public sealed class TechnicianPersonaTests
{
    [Fact]
    public void WorkDispatchedRequest_ArriveAndResolve_StampsTimes()
    {
        using var world = new PersonaWorld();
        var id = Dispatched(world, world.Technician);

        world.As(world.Technician).Update(Move(id, Status.InProgress));
        var resolve = Move(id, Status.Resolved);
        resolve[Requests.WorkDone] = "更换角阀 / Replaced the angle valve.";
        world.As(world.Technician).Update(resolve);

        var row = world.Dataverse.Row(ServiceRequestTable.LogicalName, id);
        Assert.Equal(Status.Resolved, row.Get<OptionSetValue>(Requests.StatusCode).Value);
        Assert.NotNull(row.Get<System.DateTime?>(Requests.ResolvedOn));
        Assert.Equal(world.Technician, row.Get<EntityReference>(Requests.OwnerId).Id);
    }

    [Fact]
    public void AcceptedByAgent_UserDispatchRule_InHisWorkOrdersAndHeWorksIt()
    {
        using var world = new PersonaWorld();
        world.Dataverse.Seed(new Entity(DispatchRuleTable.LogicalName)
        {
            [DispatchRuleTable.Columns.Name] = "阳光花园 维修 Sunshine maintenance",
            [DispatchRuleTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, world.SunshineProperty),
            [DispatchRuleTable.Columns.ServiceLine] = new OptionSetValue(PropertyCrm.Schema.OptionSets.ServiceLine.Maintenance),
            [DispatchRuleTable.Columns.Technician] = new EntityReference("systemuser", world.Technician),
        });
        var id = world.LogRepair(world.Agent, world.SunshineProperty, world.SunshineOwner, "3-1-802 水管爆裂 burst pipe");

        world.As(world.Agent).Update(Move(id, Status.Accepted));

        Assert.Contains(id, ServiceRequests.DispatchViews.Run(world.As(world.Technician), ServiceRequests.DispatchViews.MyWorkOrders));
        Assert.DoesNotContain(id, ServiceRequests.DispatchViews.Run(world.As(world.OtherTechnician), ServiceRequests.DispatchViews.MyWorkOrders));
        Assert.DoesNotContain(id, ServiceRequests.DispatchViews.Run(world.As(world.Agent), ServiceRequests.DispatchViews.AwaitingDispatch));
        world.As(world.Technician).Update(Move(id, Status.InProgress));
        var resolve = Move(id, Status.Resolved);
        resolve[Requests.WorkDone] = "更换水管接头 / Replaced the pipe joint.";
        world.As(world.Technician).Update(resolve);
        Assert.Equal(Status.Resolved, world.Dataverse.Row(ServiceRequestTable.LogicalName, id).Get<OptionSetValue>(Requests.StatusCode).Value);
        Assert.DoesNotContain(id, ServiceRequests.DispatchViews.Run(world.As(world.Technician), ServiceRequests.DispatchViews.MyWorkOrders));
    }

    [Fact]
    public void UpdateDispatchRule_Technician_PrivilegeDenied()
    {
        using var world = new PersonaWorld();
        var rule = world.Dataverse.Seed(new Entity(DispatchRuleTable.LogicalName) { [DispatchRuleTable.Columns.Name] = "公司 company" });

        Assert.Contains(rule, world.Visible(world.Technician, DispatchRuleTable.LogicalName));
        PersonaWorld.Refused(DataverseErrorCodes.PrivilegeDenied, () => world.As(world.Technician).Update(new Entity(DispatchRuleTable.LogicalName, rule)
        {
            [DispatchRuleTable.Columns.Technician] = new EntityReference("systemuser", world.Technician),
        }));
    }

    [Fact]
    public void UpdateRequest_DispatchedToAnotherTechnician_AccessDenied()
    {
        using var world = new PersonaWorld();
        var colleagues = Dispatched(world, world.OtherTechnician);

        PersonaWorld.Refused(DataverseErrorCodes.AccessDenied, () => world.As(world.Technician).Update(Move(colleagues, Status.InProgress)));

        // Reading it is fine: business-unit read, so he sees the property's work queue.
        Assert.Contains(colleagues, world.Visible(world.Technician, ServiceRequestTable.LogicalName));
    }

    [Fact]
    public void TakeRequest_AssignToHimself_PrivilegeDenied()
    {
        using var world = new PersonaWorld();
        var id = world.LogRepair(world.Agent, world.SunshineProperty, world.SunshineOwner, "电梯异响 lift noise");

        // Dispatch is the desk's job (agents hold Assign); a technician cannot take requests on his own.
        PersonaWorld.Refused(DataverseErrorCodes.AccessDenied, () => world.As(world.Technician).Update(new Entity(ServiceRequestTable.LogicalName, id)
        {
            [Requests.OwnerId] = new EntityReference("systemuser", world.Technician),
        }));
    }

    [Fact]
    public void RetrieveMultiple_AnotherPropertysRequests_NotReturned()
    {
        using var world = new PersonaWorld();
        var other = world.LogRepair(world.JadeAgent, world.JadeProperty, world.JadeOwner, "翠湖苑 Jade Lake");

        Assert.DoesNotContain(other, world.Visible(world.Technician, ServiceRequestTable.LogicalName));
    }

    [Fact]
    public void RecordWork_WorkDoneMaterialsAndPhotoNote_SavedAndResolved()
    {
        using var world = new PersonaWorld();
        var id = Dispatched(world, world.Technician);
        var technician = world.As(world.Technician);
        technician.Update(Move(id, Status.InProgress));

        // The on-site photo goes on the request's timeline as a note with an attachment (annotation, isdocument).
        var photo = technician.Create(new Entity(PlatformTables.Annotation)
        {
            ["subject"] = "维修前照片 before the repair",
            ["notetext"] = "厨房角阀锈蚀渗水 / kitchen angle valve corroded and seeping",
            ["objectid"] = new EntityReference(ServiceRequestTable.LogicalName, id),
            ["isdocument"] = true,
            ["filename"] = "angle-valve.jpg",
            ["mimetype"] = "image/jpeg",
            ["documentbody"] = System.Convert.ToBase64String(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10 }),
        });
        var resolve = Move(id, Status.Resolved);
        resolve[Requests.WorkDone] = "更换厨房角阀,试水无渗漏 / Replaced the kitchen angle valve; no seepage on test.";
        resolve[Requests.Materials] = "角阀 DN15 ×1\n生料带 ×1";
        technician.Update(resolve);

        var row = world.Dataverse.Row(ServiceRequestTable.LogicalName, id);
        Assert.Equal(Status.Resolved, row.Get<OptionSetValue>(Requests.StatusCode).Value);
        Assert.Contains("角阀", row.Get<string>(Requests.Materials), System.StringComparison.Ordinal);
        var notes = technician.RetrieveMultiple(new QueryExpression(PlatformTables.Annotation)
        {
            ColumnSet = new ColumnSet("filename", "objectid"),
            Criteria = { Conditions = { new ConditionExpression("objectid", ConditionOperator.Equal, id) } },
        }).Entities;
        Assert.Equal(photo, Assert.Single(notes).Id);
        Assert.Contains(photo, world.Visible(world.Agent, PlatformTables.Annotation));
    }

    [Fact]
    public void ResolveRepair_WithoutWorkDone_RefusedBilingually()
    {
        using var world = new PersonaWorld();
        var id = Dispatched(world, world.Technician);
        world.As(world.Technician).Update(Move(id, Status.InProgress));

        var fault = Assert.Throws<DataverseFaultException>(() => world.As(world.Technician).Update(Move(id, Status.Resolved)));

        Assert.Contains("维修记录", fault.Message, System.StringComparison.Ordinal);
        Assert.Contains("work done", fault.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void AddNote_AnotherPropertysRequest_AccessDenied()
    {
        using var world = new PersonaWorld();
        var other = world.LogRepair(world.JadeAgent, world.JadeProperty, world.JadeOwner, "翠湖苑 Jade Lake");

        PersonaWorld.Refused(DataverseErrorCodes.AccessDenied, () => world.As(world.Technician).Create(new Entity(PlatformTables.Annotation)
        {
            ["subject"] = "照片 photo",
            ["objectid"] = new EntityReference(ServiceRequestTable.LogicalName, other),
        }));
    }

    [Fact]
    public void JudgeComplaint_AssignedToHim_ColumnSecurityRefuses()
    {
        using var world = new PersonaWorld();
        var id = ComplaintWalkthroughTests.LogComplaint(world, world.Agent, world.SunshineOwner);
        world.As(world.Agent).Update(new Entity(ServiceRequestTable.LogicalName, id) { [Requests.OwnerId] = new EntityReference("systemuser", world.Technician) });

        PersonaWorld.Refused(DataverseErrorCodes.AttributePermissionUpdateIsMissingDuringUpdate, () => world.As(world.Technician).Update(
            new Entity(ServiceRequestTable.LogicalName, id) { [Requests.ValidComplaint] = true, [Requests.ValidComplaintReason] = "维修质量差 / poor repair" }));
    }

    /// <summary>Logged by the agent and dispatched (assigned) by the agent to <paramref name="technician"/>.</summary>
    internal static System.Guid Dispatched(PersonaWorld world, System.Guid technician)
    {
        var id = world.LogRepair(world.Agent, world.SunshineProperty, world.SunshineOwner, "3-1-802 水管爆裂 burst pipe");
        world.As(world.Agent).Update(Move(id, Status.Accepted));
        var dispatch = Move(id, Status.Dispatched);
        dispatch[Requests.OwnerId] = new EntityReference("systemuser", technician);
        world.As(world.Agent).Update(dispatch);
        return id;
    }

    private static Entity Move(System.Guid id, int reason) =>
        new(ServiceRequestTable.LogicalName, id) { [Requests.StatusCode] = new OptionSetValue(reason) };
}
