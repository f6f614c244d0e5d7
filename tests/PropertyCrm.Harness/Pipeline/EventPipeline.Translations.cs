using System;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness.Pipeline;

// Messages Dataverse carries out as another message, so that message's steps fire.
internal sealed partial class EventPipeline
{
    // Modern Dataverse turns SetState into an Update of statecode/statuscode: Update steps fire.
    private OrganizationResponse SetState(OrganizationRequest request, CallOrigin origin)
    {
        var moniker = Required<EntityReference>(request, "EntityMoniker");
        var target = new Entity(moniker.LogicalName, moniker.Id)
        {
            ["statecode"] = Required<OptionSetValue>(request, "State"),
            ["statuscode"] = Required<OptionSetValue>(request, "Status"),
        };
        Run(new UpdateRequest { Target = target }, origin);
        return new SetStateResponse { ResponseName = "SetState" };
    }

    // Assign is an Update of ownerid: Update steps fire.
    private OrganizationResponse Assign(OrganizationRequest request, CallOrigin origin)
    {
        var target = Required<EntityReference>(request, "Target");
        var assignee = Required<EntityReference>(request, "Assignee");
        Run(new UpdateRequest { Target = new Entity(target.LogicalName, target.Id) { ["ownerid"] = assignee } }, origin);
        return new AssignResponse { ResponseName = "Assign" };
    }

    // Upsert runs as the Create or the Update it turns into (their steps fire; no "Upsert" steps).
    private OrganizationResponse Upsert(OrganizationRequest request, CallOrigin origin)
    {
        var target = ValueCloner.CloneEntity(Required<Entity>(request, "Target"));
        var existing = core.FindExisting(target, origin.Transaction);
        bool created;
        Guid id;
        if (existing is { } found)
        {
            target.Id = found;
            Run(new UpdateRequest { Target = target }, origin);
            created = false;
            id = found;
        }
        else
        {
            foreach (var key in target.KeyAttributes)
            {
                target.Attributes[key.Key] = key.Value;
            }

            target.KeyAttributes.Clear();
            id = ((CreateResponse)Run(new CreateRequest { Target = target }, origin)).id;
            created = true;
        }

        var response = new UpsertResponse { ResponseName = "Upsert" };
        response.Results["RecordCreated"] = created;
        response.Results["Target"] = new EntityReference(target.LogicalName, id);
        return response;
    }
}
