using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Steps.FollowUps;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;
using Choices = PropertyCrm.Schema.OptionSets;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;
using FollowUp = PropertyCrm.Schema.Tables.FollowUpTable.Columns;
using Status = PropertyCrm.Tests.ServiceRequests.SlaTestBed.Status;

namespace PropertyCrm.Tests.ServiceRequests.FollowUps;

/// <summary>
/// One property with a 客服 team (whose member makes the 回访 calls), a supervisor, a technician and an owner, on an
/// <see cref="SlaTestBed"/>: the acts of the closed loop (log, accept, dispatch, arrive, resolve; record, attempt) as the
/// people who do them. Users have no roles here: security is the persona tests' subject.
/// </summary>
internal sealed class FollowUpWorld : IDisposable
{
    // The survey award reads the loyalty configuration; every world starts with a cold, private cache so call budgets do not
    // depend on which test ran before (in-memory Dataverse instances share one organization id).
    private readonly IDisposable loyaltyCache = LoyaltyConfigurationCache.Isolate();

    public FollowUpWorld(bool withTeam = true, int? followUpDueHours = null)
    {
        Bed = new SlaTestBed();
        Supervisor = Dataverse.CreateUser("主管 李娜 Supervisor");
        Technician = Dataverse.CreateUser("维修 王强 Technician");
        Caller = Dataverse.CreateUser("客服 赵敏 Follow-up caller");
        Team = Dataverse.CreateTeam("翠湖客服组 Service team", FakeDataverse.RootBusinessUnitId, Array.Empty<string>(), Caller);
        Owner = Bed.Data.Owner();
        Property = Bed.Data.Property("翠湖花园二期 Emerald Lake II", supervisor: Supervisor, serviceTeam: withTeam ? Team : null, followUpDueHours: followUpDueHours);
    }

    public SlaTestBed Bed { get; }

    public FakeDataverse Dataverse => Bed.Dataverse;

    public Guid Supervisor { get; }

    public Guid Technician { get; }

    public Guid Caller { get; }

    public Guid Team { get; }

    public Guid Owner { get; }

    public Guid Property { get; }

    /// <summary>A repair logged by the agent, accepted, dispatched to the technician, who arrives and resolves it.</summary>
    public Guid ResolvedRepair(string title = "厨房水管漏水 kitchen pipe leaking")
    {
        var id = Bed.Log(Choices.RequestType.Repair, title, property: Property, more: r => r[Columns.Contact] = new EntityReference(ContactTable.LogicalName, Owner));
        Bed.Move(id, Status.Accepted);
        Bed.Move(id, Status.Dispatched, r => r[Columns.OwnerId] = new EntityReference(PlatformTables.SystemUser, Technician));
        Bed.Advance(TimeSpan.FromHours(1));
        As(Technician).Update(new Entity(ServiceRequestTable.LogicalName, id) { [Columns.StatusCode] = new OptionSetValue(Status.InProgress) });
        Bed.Advance(TimeSpan.FromHours(1));
        Resolve(id);
        return id;
    }

    /// <summary>The technician resolves (again), with the work done a repair needs on record.</summary>
    public void Resolve(Guid id) =>
        As(Technician).Update(new Entity(ServiceRequestTable.LogicalName, id)
        {
            [Columns.StatusCode] = new OptionSetValue(Status.Resolved),
            [Columns.WorkDone] = SlaTestBed.WorkDone,
        });

    public IOrganizationService As(Guid user) => Dataverse.ServiceFor(user);

    public Entity Request(Guid id) => Bed.Row(id);

    /// <summary>The request's latest 回访.</summary>
    public Entity LastFollowUp(Guid request) =>
        Dataverse.Peek(FollowUpTable.LogicalName, Request(request).GetAttributeValue<EntityReference>(Columns.LastFollowUp).Id)!;

    public Entity[] FollowUps(Guid request) =>
        Dataverse.PeekAll(FollowUpTable.LogicalName).Where(f => f.GetAttributeValue<EntityReference>(FollowUp.ServiceRequest)?.Id == request).ToArray();

    public Entity[] RecoveryCases(Guid request) =>
        Dataverse.PeekAll(RecoveryCaseTable.LogicalName).Where(f => f.GetAttributeValue<EntityReference>(RecoveryCaseTable.Columns.ServiceRequest)?.Id == request).ToArray();

    /// <summary>The caller records the owner's answers on the 回访 form and marks it 已完成 in one save.</summary>
    public void Complete(Guid request, int? verification, int? satisfaction = null, int? nps = null, string? comment = null, Guid? recorder = null)
    {
        var update = new Entity(FollowUpTable.LogicalName, LastFollowUp(request).Id)
        {
            [FollowUp.StateCode] = new OptionSetValue(FollowUpTable.States.Inactive),
            [FollowUp.StatusCode] = new OptionSetValue(FollowUpTable.StatusReasons.Completed),
            [FollowUp.Channel] = new OptionSetValue(Choices.FollowUpChannel.Phone),
        };
        if (verification.HasValue)
        {
            update[FollowUp.Verification] = new OptionSetValue(verification.Value);
        }

        if (satisfaction.HasValue)
        {
            update[FollowUp.Satisfaction] = new OptionSetValue(satisfaction.Value);
        }

        if (nps.HasValue)
        {
            update[FollowUp.Nps] = nps.Value;
        }

        if (comment is not null)
        {
            update[FollowUp.Comment] = comment;
        }

        As(recorder ?? Caller).Update(update);
    }

    /// <summary><c>pcrm_RecordFollowUp</c> as <paramref name="user"/> (default: the caller), naming the request.</summary>
    public OrganizationResponse Api(Guid request, Action<OrganizationRequest> inputs, Guid? user = null)
    {
        var call = new OrganizationRequest(RecordFollowUpPlugin.ApiName)
        {
            [RecordFollowUpPlugin.ServiceRequestParameter] = new EntityReference(ServiceRequestTable.LogicalName, request),
        };
        inputs(call);
        return As(user ?? Caller).Execute(call);
    }

    public int Balance() => Dataverse.Peek(ContactTable.LogicalName, Owner)!.GetAttributeValue<int?>(ContactTable.Columns.PointsBalance) ?? 0;

    public void Dispose()
    {
        Bed.Dispose();
        loyaltyCache.Dispose();
    }
}
