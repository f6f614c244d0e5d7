using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Steps.Sla;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Tests.Personas;

/// <summary>
/// 客服主管 supervisor of 阳光花园 (Agent role, business-unit read on escalations): after the scheduled sweep, run by the
/// admin's flow connection in the root unit, he sees his property's escalations and not another property's.
/// </summary>
public sealed class SupervisorPersonaTests
{
    [Fact]
    public void EscalationView_AfterSweepByAdminConnection_ShowsOwnPropertysEscalationsOnly()
    {
        using var world = new PersonaWorld();
        var started = world.Dataverse.Clock.UtcNow.AddHours(-2);
        var own = world.Data.OpenEmergencyRequest(world.SunshineProperty, new EntityReference("systemuser", world.Agent), started);
        var other = world.Data.OpenEmergencyRequest(world.JadeProperty, new EntityReference("systemuser", world.JadeAgent), started, name: "翠湖苑 电梯困人 trapped in lift");

        world.As(world.Admin).Execute(new OrganizationRequest(RunSlaSweepPlugin.ApiName));

        var all = world.Dataverse.PeekAll(EscalationTable.LogicalName);
        Assert.Contains(all, e => RequestOf(e) == other);
        var seen = world.As(world.Supervisor).RetrieveMultiple(new QueryExpression(EscalationTable.LogicalName)
        {
            ColumnSet = new ColumnSet(EscalationTable.Columns.ServiceRequest, EscalationTable.Columns.NotifiedUser),
        }).Entities;
        Assert.NotEmpty(seen);
        Assert.All(seen, e => Assert.Equal(own, RequestOf(e)));
        Assert.Contains(seen, e => e.GetAttributeValue<EntityReference>(EscalationTable.Columns.NotifiedUser)?.Id == world.Supervisor);
    }

    [Fact]
    public void RunSlaSweep_AsSupervisor_PrivilegeDenied()
    {
        using var world = new PersonaWorld();

        var fault = PersonaWorld.Refused(DataverseErrorCodes.PrivilegeDenied, () =>
            world.As(world.Supervisor).Execute(new OrganizationRequest(RunSlaSweepPlugin.ApiName)));
        Assert.Contains("prvWritepcrm_slapolicy", fault.Message, System.StringComparison.Ordinal);
    }

    private static System.Guid RequestOf(Entity escalation) =>
        escalation.GetAttributeValue<EntityReference>(EscalationTable.Columns.ServiceRequest).Id;
}
