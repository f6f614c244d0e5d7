using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness.Service;
using PropertyCrm.Harness.Storage;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Harness.Pipeline;

/// <summary>
/// Dataverse's event execution pipeline: pre-validation (stage 10, outside the transaction at the top),
/// pre-operation (20), main operation (30), post-operation (40), asynchronous steps queued on commit.
/// Steps of one stage run by rank, then registration order. Any exception from a synchronous step rolls
/// back every write of the top-level transaction.
/// </summary>
internal sealed partial class EventPipeline
{
    /// <summary>Dataverse's default maximum depth; a request at depth 9 is refused as an infinite loop.</summary>
    public const int MaxDepth = 8;

    private readonly FakeDataverse dataverse;
    private readonly CoreOperations core;
    private readonly BatchExecutor batch;

    public EventPipeline(FakeDataverse dataverse, CoreOperations core)
    {
        this.dataverse = dataverse;
        this.core = core;
        batch = new BatchExecutor(dataverse, this);
    }

    public OrganizationResponse Execute(OrganizationRequest request, CallOrigin origin)
    {
        if (origin.Depth > MaxDepth)
        {
            throw Faults.DepthTooHigh(origin.Depth);
        }

        if (origin.Transaction?.AbortReason is { } reason)
        {
            throw Faults.Aborted(reason);
        }

        switch (request.RequestName)
        {
            case "ExecuteMultiple":
                return batch.ExecuteMultiple(request, origin);
            case "ExecuteTransaction":
                return batch.ExecuteTransaction(request, origin);
            case "WhoAmI":
                return core.WhoAmI(origin);
            case "SetState":
                return SetState(request, origin);
            case "Assign":
                return Assign(request, origin);
            case "Upsert":
                return Upsert(request, origin);
            default:
                return Run(request, origin);
        }
    }

    /// <summary>Runs one message through every stage; returns the main operation's response.</summary>
    internal OrganizationResponse Run(OrganizationRequest request, CallOrigin origin)
    {
        var (operation, api) = Describe(request, origin);
        var steps = dataverse.Registry.StepsFor(operation.MessageName, operation.PrimaryEntityName);
        var ownsTransaction = origin.Transaction is null;
        try
        {
            var preValidation = steps.Where(s => s.Stage == (int)PipelineStage.PreValidation).ToArray();
            if (preValidation.Length > 0)
            {
                var image = preValidation.Any(s => s.NeedsPreImage) ? core.Snapshot(operation, origin.Transaction) : null;
                RunSynchronous(operation, preValidation, origin.Transaction, image, null);
            }

            var transaction = origin.Transaction ?? new Transaction();
            operation.Transaction = transaction;
            var later = steps.Where(s => s.Stage > (int)PipelineStage.PreValidation).ToArray();

            // Dataverse checks Restrict and cascades a delete after pre-validation, before pre-operation.
            if (api is null && operation.MessageName == "Delete")
            {
                CascadeDelete(operation, transaction);
            }

            // An Update that changes state/status and other columns runs stages 20–40 twice (StatusSplit).
            var statePart = api is null ? SplitStatusChange(operation) : null;
            var response = RunInTransaction(operation, api, later, transaction);
            if (statePart is not null)
            {
                RunInTransaction(statePart, null, later, transaction);
            }

            if (ownsTransaction)
            {
                dataverse.Commit(transaction);
            }

            return response;
        }
        catch (Exception ex)
        {
            if (ownsTransaction)
            {
                if (operation.Transaction is { } own)
                {
                    dataverse.Store.Rollback(own);
                }
            }
            else
            {
                // Dataverse dooms the whole transaction when anything inside it fails, even if a plug-in
                // catches the fault: the top-level request can only roll back.
                origin.Transaction!.Abort($"{operation.MessageName} of {operation.PrimaryEntityName} failed: {ex.Message}");
            }

            throw;
        }
    }

    // Stages 20, 30 and 40 (and the queued asynchronous steps) of one operation, inside the transaction.
    private OrganizationResponse RunInTransaction(Operation operation, CustomApiRegistration? api, StepRegistration[] later, Transaction transaction)
    {
        var pre = later.Any(s => s.NeedsPreImage) ? core.Snapshot(operation, transaction) : null;
        RunSynchronous(operation, later.Where(s => s.Stage == (int)PipelineStage.PreOperation).ToArray(), transaction, pre, null);

        var response = MainOperation(operation, api, transaction);
        if (api is null && operation.MessageName == "Update")
        {
            CascadeAssign(operation, transaction);
        }

        var postSteps = later.Where(s => s.Stage == (int)PipelineStage.PostOperation).ToArray();
        var post = postSteps.Any(s => s.NeedsPostImage) ? core.Snapshot(operation, transaction) : null;
        RunSynchronous(operation, postSteps.Where(s => !s.IsAsync).ToArray(), transaction, pre, post);
        QueueAsynchronous(operation, postSteps.Where(s => s.IsAsync).ToArray(), transaction, pre, post);
        return response;
    }

    private (Operation Operation, CustomApiRegistration? Api) Describe(OrganizationRequest request, CallOrigin origin)
    {
        var name = request.RequestName ?? throw Faults.InvalidArgument("The request has no RequestName.");
        var input = new ParameterCollection();
        foreach (var parameter in request.Parameters)
        {
            // Serialisation boundary: the pipeline works on its own copy, as the platform does.
            input[parameter.Key] = ValueCloner.Clone(parameter.Value);
        }

        var now = dataverse.Clock.UtcNow;
        switch (name)
        {
            case "Create":
                {
                    var target = RequiredInput<Entity>(input, "Target", name);
                    var primaryId = dataverse.Metadata.PrimaryIdAttribute(target.LogicalName);
                    if (target.Id == Guid.Empty && target.Attributes.TryGetValue(primaryId, out var given) && given is Guid givenId)
                    {
                        target.Id = givenId;
                    }

                    return (new Operation(name, target.LogicalName, target.Id, input, origin, now), null);
                }

            case "Update":
                {
                    var target = RequiredInput<Entity>(input, "Target", name);
                    target.Id = core.ResolveId(target.LogicalName, target.Id, target.KeyAttributes, origin.Transaction);
                    return (new Operation(name, target.LogicalName, target.Id, input, origin, now), null);
                }

            case "Delete":
            case "Retrieve":
            case "Associate":
            case "Disassociate":
                {
                    var target = RequiredInput<EntityReference>(input, "Target", name);
                    target.Id = core.ResolveId(target.LogicalName, target.Id, target.KeyAttributes, origin.Transaction);
                    return (new Operation(name, target.LogicalName, target.Id, input, origin, now), null);
                }

            case "RetrieveMultiple":
                {
                    var query = RequiredInput<Microsoft.Xrm.Sdk.Query.QueryBase>(input, "Query", name);
                    return (new Operation(name, core.QueryEntityName(query), Guid.Empty, input, origin, now), null);
                }

            default:
                {
                    var api = dataverse.Registry.FindCustomApi(name)
                        ?? throw Faults.NotSupported($"Request not supported: {name}. No message or Custom API with this name is registered in the harness.");
                    CustomApiValidator.ValidateRequest(api.Declaration, input);

                    // The API's ExecutePrivilegeName is checked for the caller before any of its steps run.
                    dataverse.Security.DemandExecute(origin.UserId, api.Declaration.ExecutePrivilegeName, name);
                    var entity = api.Declaration.BindingType == CustomApiBindingType.Entity ? api.Declaration.BoundEntityLogicalName ?? "none" : "none";
                    var id = input.TryGetValue("Target", out var t) && t is EntityReference r ? r.Id : Guid.Empty;
                    return (new Operation(name, entity, id, input, origin, now), api);
                }
        }
    }

    private OrganizationResponse MainOperation(Operation operation, CustomApiRegistration? api, Transaction transaction)
    {
        if (api is not null)
        {
            var context = NewContext(
                operation,
                api.Declaration.PluginType,
                PluginPipelineStage.MainOperation,
                0,
                transaction,
                operation.Origin.UserId,
                StableId.From("customapi:" + api.Declaration.UniqueName),
                null,
                null,
                null);
            Invoke(api.Plugin, context);
            CustomApiValidator.ValidateResponse(api.Declaration, operation.OutputParameters);
            var response = new OrganizationResponse { ResponseName = api.Declaration.UniqueName };
            foreach (var output in operation.OutputParameters)
            {
                response.Results[output.Key] = ValueCloner.Clone(output.Value);
            }

            return response;
        }

        return operation.MessageName switch
        {
            "Create" => core.Create(operation, transaction),
            "Update" => core.Update(operation, transaction),
            "Delete" => core.Delete(operation, transaction),
            "Retrieve" => core.Retrieve(operation, transaction),
            "RetrieveMultiple" => core.RetrieveMultiple(operation, transaction),
            "Associate" => core.Associate(operation, transaction),
            "Disassociate" => core.Disassociate(operation, transaction),
            _ => throw Faults.NotSupported($"Request not supported: {operation.MessageName}."),
        };
    }

    private static T Required<T>(OrganizationRequest request, string name)
        where T : class =>
        request.Parameters.TryGetValue(name, out var value) && value is T typed
            ? typed
            : throw Faults.InvalidArgument($"Required field '{name}' is missing for {request.RequestName}.");

    private static T RequiredInput<T>(ParameterCollection input, string name, string message)
        where T : class =>
        input.TryGetValue(name, out var value) && value is T typed
            ? typed
            : throw Faults.InvalidArgument($"Required field '{name}' is missing for {message}.");
}
