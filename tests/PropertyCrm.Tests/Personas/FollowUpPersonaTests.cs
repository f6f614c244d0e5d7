using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Steps.FollowUps;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.ServiceRequests;
using PropertyCrm.Tests.Support;
using Choices = PropertyCrm.Schema.OptionSets;
using FollowUp = PropertyCrm.Schema.Tables.FollowUpTable.Columns;
using Recovery = PropertyCrm.Schema.Tables.RecoveryCaseTable.Columns;
using Requests = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;
using Status = PropertyCrm.Schema.Tables.ServiceRequestTable.StatusReasons;

namespace PropertyCrm.Tests.Personas;

/// <summary>
/// The 回访 loop by role, in 阳光花园's child business unit: the service centre team owns the 回访; the agent records it
/// (form and <c>pcrm_RecordFollowUp</c>); the technician who resolved may not; the supervisor closes his 挽回 recovery
/// case, only with an outcome; the agent of another property cannot reach it.
/// </summary>
public sealed class FollowUpPersonaTests
{
    [Fact]
    public void Agent_RecordsTheFollowUpOfATechniciansRepair_RequestClosed()
    {
        using var world = new PersonaWorld();
        var id = Resolved(world);

        var followUp = LastFollowUp(world, id);
        Assert.Equal(world.SunshineDesk, followUp.GetAttributeValue<EntityReference>(FollowUp.OwnerId).Id);
        Assert.Contains(followUp.Id, world.Visible(world.Agent, FollowUpTable.LogicalName));
        Assert.DoesNotContain(followUp.Id, world.Visible(world.JadeAgent, FollowUpTable.LogicalName));
        Assert.Contains(followUp.Id, world.Visible(world.Analyst, FollowUpTable.LogicalName));

        world.As(world.Agent).Update(Completed(followUp.Id, Choices.FixVerification.Fixed, nps: 9));

        var request = world.Dataverse.Row(ServiceRequestTable.LogicalName, id);
        Assert.Equal(Status.Closed, request.Get<OptionSetValue>(Requests.StatusCode).Value);
        Assert.Equal(world.Agent, request.Get<EntityReference>(Requests.FollowUpBy).Id);
        Assert.True(request.Get<bool>(Requests.FirstTimeFix));
    }

    [Fact]
    public void Agent_RecordFollowUpApi_CompletesAsTheForm()
    {
        using var world = new PersonaWorld();
        var id = Resolved(world);

        var response = world.As(world.Agent).Execute(new OrganizationRequest(RecordFollowUpPlugin.ApiName)
        {
            [RecordFollowUpPlugin.ServiceRequestParameter] = new EntityReference(ServiceRequestTable.LogicalName, id),
            [RecordFollowUpPlugin.VerificationParameter] = new OptionSetValue(Choices.FixVerification.Fixed),
            [RecordFollowUpPlugin.SatisfactionParameter] = new OptionSetValue(Choices.Satisfaction.Satisfied),
        });

        Assert.Equal(FollowUpTable.StatusReasons.Completed, (int)response.Results[RecordFollowUpPlugin.StatusOutput]);
        Assert.Equal(Status.Closed, world.Dataverse.Row(ServiceRequestTable.LogicalName, id).Get<OptionSetValue>(Requests.StatusCode).Value);
    }

    [Fact]
    public void OtherPropertysAgent_RecordFollowUp_AccessDenied()
    {
        using var world = new PersonaWorld();
        var id = Resolved(world);

        PersonaWorld.Refused(DataverseErrorCodes.AccessDenied, () => world.As(world.JadeAgent).Update(Completed(LastFollowUp(world, id).Id, Choices.FixVerification.Fixed)));
    }

    [Fact]
    public void Technician_RecordsFollowUpOfHisOwnResolution_PrivilegeDeniedOnFormAndApi()
    {
        using var world = new PersonaWorld();
        var id = Resolved(world);
        var followUp = LastFollowUp(world, id);

        PersonaWorld.Refused(DataverseErrorCodes.PrivilegeDenied, () => world.As(world.Technician).Update(Completed(followUp.Id, Choices.FixVerification.Fixed)));
        PersonaWorld.Refused(DataverseErrorCodes.PrivilegeDenied, () => world.As(world.Technician).Execute(new OrganizationRequest(RecordFollowUpPlugin.ApiName)
        {
            [RecordFollowUpPlugin.FollowUpParameter] = new EntityReference(FollowUpTable.LogicalName, followUp.Id),
            [RecordFollowUpPlugin.VerificationParameter] = new OptionSetValue(Choices.FixVerification.Fixed),
        }));
        Assert.Equal(Status.Resolved, world.Dataverse.Row(ServiceRequestTable.LogicalName, id).Get<OptionSetValue>(Requests.StatusCode).Value);
    }

    [Fact]
    public void Supervisor_ClosesHisRecoveryCase_OnlyWithAnOutcome()
    {
        using var world = new PersonaWorld();
        var id = Resolved(world);
        world.As(world.Agent).Update(Completed(LastFollowUp(world, id).Id, Choices.FixVerification.Fixed, nps: 2));
        var recovery = System.Linq.Enumerable.Single(world.Dataverse.PeekAll(RecoveryCaseTable.LogicalName));
        Assert.Equal(world.Supervisor, recovery.GetAttributeValue<EntityReference>(Recovery.OwnerId).Id);
        Assert.Contains(recovery.Id, world.Visible(world.Manager, RecoveryCaseTable.LogicalName));

        var close = new Entity(RecoveryCaseTable.LogicalName, recovery.Id)
        {
            [Recovery.StateCode] = new OptionSetValue(RecoveryCaseTable.States.Inactive),
            [Recovery.StatusCode] = new OptionSetValue(RecoveryCaseTable.StatusReasons.Closed),
        };
        var refused = Assert.Throws<DataverseFaultException>(() => world.As(world.Supervisor).Update(close));
        Assert.Contains("挽回结果", refused.Message, System.StringComparison.Ordinal);

        close[Recovery.Outcome] = new OptionSetValue(Choices.RecoveryOutcome.NotRecovered);
        world.As(world.Supervisor).Update(close);

        Assert.Equal(RecoveryCaseTable.StatusReasons.Closed, world.Dataverse.Row(RecoveryCaseTable.LogicalName, recovery.Id).Get<OptionSetValue>(Recovery.StatusCode).Value);
        PersonaWorld.Refused(DataverseErrorCodes.PrivilegeDenied, () => world.As(world.Technician).Update(new Entity(RecoveryCaseTable.LogicalName, recovery.Id)
        {
            [Recovery.OutcomeNotes] = "……",
        }));
    }

    /// <summary>Sunshine's service centre team makes the 回访 calls; a repair dispatched to the technician, who resolves it.</summary>
    private static System.Guid Resolved(PersonaWorld world)
    {
        world.Dataverse.Service.Update(new Entity(PropertyTable.LogicalName, world.SunshineProperty)
        {
            [PropertyTable.Columns.ServiceTeam] = new EntityReference(PlatformTables.Team, world.SunshineDesk),
        });
        var id = TechnicianPersonaTests.Dispatched(world, world.Technician);
        world.As(world.Technician).Update(new Entity(ServiceRequestTable.LogicalName, id) { [Requests.StatusCode] = new OptionSetValue(Status.InProgress) });
        world.As(world.Technician).Update(new Entity(ServiceRequestTable.LogicalName, id)
        {
            [Requests.StatusCode] = new OptionSetValue(Status.Resolved),
            [Requests.WorkDone] = SlaTestBed.WorkDone,
        });
        return id;
    }

    private static Entity LastFollowUp(PersonaWorld world, System.Guid request) =>
        world.Dataverse.Row(FollowUpTable.LogicalName, world.Dataverse.Row(ServiceRequestTable.LogicalName, request).Get<EntityReference>(Requests.LastFollowUp).Id).Entity;

    private static Entity Completed(System.Guid followUp, int verification, int? nps = null)
    {
        var update = new Entity(FollowUpTable.LogicalName, followUp)
        {
            [FollowUp.Verification] = new OptionSetValue(verification),
            [FollowUp.StateCode] = new OptionSetValue(FollowUpTable.States.Inactive),
            [FollowUp.StatusCode] = new OptionSetValue(FollowUpTable.StatusReasons.Completed),
        };
        if (nps.HasValue)
        {
            update[FollowUp.Nps] = nps.Value;
        }

        return update;
    }
}
