using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Steps.Sla;
using PropertyCrm.Schema.Tables;
using Requests = PropertyCrm.Schema.Tables.ServiceRequestTable;

namespace PropertyCrm.Tests.Personas;

/// <summary>
/// An agent of 阳光花园 (a child business unit) dispatches a request the SLA sweep has already escalated. The request →
/// escalation relationship does not cascade Assign: escalations are the system's record of who was told what, they keep
/// the owner the sweep gave them (the request's owner then), and the agent needs no privilege on them — before, the
/// cascaded assign demanded prvWritepcrm_escalation and refused the dispatch (found by `pcrm simulate`).
/// </summary>
public sealed class EscalatedRequestAssignTests
{
    [Fact]
    public void Assign_EscalatedRequestByAgentInChildUnit_SucceedsAndEscalationsKeepTheirOwner()
    {
        using var world = new PersonaWorld();
        var request = world.Data.OpenEmergencyRequest(world.SunshineProperty, new EntityReference("systemuser", world.Agent), world.Dataverse.Clock.UtcNow.AddHours(-2));
        world.As(world.Admin).Execute(new OrganizationRequest(RunSlaSweepPlugin.ApiName));
        var escalations = world.Dataverse.PeekAll(EscalationTable.LogicalName)
            .Where(e => e.GetAttributeValue<EntityReference>(EscalationTable.Columns.ServiceRequest).Id == request)
            .ToList();
        Assert.NotEmpty(escalations);

        world.As(world.Agent).Update(new Entity(Requests.LogicalName, request)
        {
            [Requests.Columns.OwnerId] = new EntityReference("systemuser", world.Technician),
        });

        Assert.Equal(world.Technician, world.Dataverse.Peek(Requests.LogicalName, request)!.GetAttributeValue<EntityReference>(Requests.Columns.OwnerId).Id);
        Assert.All(escalations, e => Assert.Equal(
            e.GetAttributeValue<EntityReference>(EscalationTable.Columns.OwnerId).Id,
            world.Dataverse.Peek(EscalationTable.LogicalName, e.Id)!.GetAttributeValue<EntityReference>(EscalationTable.Columns.OwnerId).Id));
        var seen = world.As(world.Supervisor).RetrieveMultiple(new QueryExpression(EscalationTable.LogicalName) { ColumnSet = new ColumnSet(EscalationTable.Columns.ServiceRequest) }).Entities;
        Assert.Equal(escalations.Count, seen.Count(e => e.GetAttributeValue<EntityReference>(EscalationTable.Columns.ServiceRequest).Id == request));
    }

    [Fact]
    public void Update_EscalationByAgent_PrivilegeDenied()
    {
        using var world = new PersonaWorld();
        var request = world.Data.OpenEmergencyRequest(world.SunshineProperty, new EntityReference("systemuser", world.Agent), world.Dataverse.Clock.UtcNow.AddHours(-2));
        world.As(world.Admin).Execute(new OrganizationRequest(RunSlaSweepPlugin.ApiName));
        var escalation = world.Dataverse.PeekAll(EscalationTable.LogicalName)
            .First(e => e.GetAttributeValue<EntityReference>(EscalationTable.Columns.ServiceRequest).Id == request);

        var fault = PersonaWorld.Refused(DataverseErrorCodes.PrivilegeDenied, () => world.As(world.Agent).Update(
            new Entity(EscalationTable.LogicalName, escalation.Id) { [EscalationTable.Columns.RaisedOn] = world.Dataverse.Clock.UtcNow }));
        Assert.Contains("prvWritepcrm_escalation", fault.Message, System.StringComparison.Ordinal);
    }
}
