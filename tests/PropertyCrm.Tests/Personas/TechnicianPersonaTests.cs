using Microsoft.Xrm.Sdk;
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
        world.As(world.Technician).Update(Move(id, Status.Resolved));

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
        world.As(world.Technician).Update(Move(id, Status.Resolved));
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
