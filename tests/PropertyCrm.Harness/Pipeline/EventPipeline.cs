using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using PropertyCrm.Harness.Diagnostics;
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
internal sealed class EventPipeline
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
            var pre = later.Any(s => s.NeedsPreImage) ? core.Snapshot(operation, transaction) : null;
            RunSynchronous(operation, later.Where(s => s.Stage == (int)PipelineStage.PreOperation).ToArray(), transaction, pre, null);

            var response = MainOperation(operation, api, transaction);

            var postSteps = later.Where(s => s.Stage == (int)PipelineStage.PostOperation).ToArray();
            var post = postSteps.Any(s => s.NeedsPostImage) ? core.Snapshot(operation, transaction) : null;
            RunSynchronous(operation, postSteps.Where(s => !s.IsAsync).ToArray(), transaction, pre, post);
            QueueAsynchronous(operation, postSteps.Where(s => s.IsAsync).ToArray(), transaction, pre, post);

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
            var context = NewContext(operation, api.Declaration.PluginType, PluginPipelineStage.MainOperation, 0, transaction, operation.Origin.UserId, StableId.From("customapi:" + api.Declaration.UniqueName), null, null, null);
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

    private void RunSynchronous(Operation operation, IReadOnlyList<StepRegistration> steps, Transaction? transaction, Dictionary<string, object>? pre, Dictionary<string, object>? post)
    {
        foreach (var step in steps)
        {
            if (!step.PassesFilter(operation.InputParameters))
            {
                continue;
            }

            var context = NewContext(operation, step.Declaration.PluginType, step.Stage, 0, transaction, step.RunAsUserId ?? operation.Origin.UserId, step.Declaration.Id, step, pre, post);
            Invoke(step.Plugin, context);
        }
    }

    private void QueueAsynchronous(Operation operation, IReadOnlyList<StepRegistration> steps, Transaction transaction, Dictionary<string, object>? pre, Dictionary<string, object>? post)
    {
        foreach (var step in steps)
        {
            if (!step.PassesFilter(operation.InputParameters))
            {
                continue;
            }

            // The system job gets a copy of the event as it is now; it runs only if the transaction commits.
            var context = NewContext(operation, step.Declaration.PluginType, step.Stage, 1, null, step.RunAsUserId ?? operation.Origin.UserId, step.Declaration.Id, step, pre, post);
            transaction.OnCommit(() => dataverse.AsyncQueue.Enqueue(step, context));
        }
    }

    private PluginExecutionContext NewContext(
        Operation operation,
        Type pluginType,
        int stage,
        int mode,
        Transaction? transaction,
        Guid runAs,
        Guid extensionId,
        StepRegistration? step,
        Dictionary<string, object>? pre,
        Dictionary<string, object>? post)
    {
        var asynchronous = mode == 1;
        var origin = asynchronous ? operation.Origin.WithTransaction(null) : operation.Origin;
        return new PluginExecutionContext(origin, transaction)
        {
            Mode = mode,
            Depth = operation.Origin.Depth,
            MessageName = operation.MessageName,
            PrimaryEntityName = operation.PrimaryEntityName,
            PrimaryEntityId = operation.PrimaryEntityId,
            RequestId = operation.RequestId,
            InputParameters = asynchronous ? CloneParameters(operation.InputParameters) : operation.InputParameters,
            OutputParameters = asynchronous ? CloneParameters(operation.OutputParameters) : operation.OutputParameters,
            SharedVariables = asynchronous ? CloneParameters(operation.SharedVariables) : operation.SharedVariables,
            UserId = runAs,
            InitiatingUserId = operation.Origin.InitiatingUserId,
            BusinessUnitId = dataverse.BusinessUnitOf(runAs),
            OrganizationId = FakeDataverse.OrganizationId,
            OrganizationName = FakeDataverse.OrganizationName,
            PreEntityImages = step is null ? new EntityImageCollection() : Images(operation, step, pre, ImageType.PreImage),
            PostEntityImages = step is null ? new EntityImageCollection() : Images(operation, step, post, ImageType.PostImage),
            OwningExtension = new EntityReference("sdkmessageprocessingstep", extensionId),
            CorrelationId = operation.Origin.CorrelationId,
            IsInTransaction = !asynchronous && transaction is not null,
            OperationId = operation.OperationId,
            OperationCreatedOn = operation.CreatedOn,
            Stage = stage,
            ParentContext = operation.Origin.ParentContext!,
            PluginType = pluginType,
        };
    }

    private EntityImageCollection Images(Operation operation, StepRegistration step, Dictionary<string, object>? snapshot, ImageType kind)
    {
        var images = new EntityImageCollection();
        if (snapshot is null)
        {
            return images;
        }

        // As in Dataverse, the image is of the row the message names in its image property: the response's id for
        // Create (the post-image is the created row), the Target for Update and Delete. A message without that
        // parameter (a Create that failed before its main operation) has no image.
        var rowId = ImageRowId(operation, step.Declaration.ImageMessagePropertyName);
        if (rowId == Guid.Empty || rowId != operation.PrimaryEntityId)
        {
            return images;
        }

        foreach (var image in step.Declaration.Images.Where(i => i.Type == kind || i.Type == ImageType.Both))
        {
            // Only the registered columns, never the whole row.
            var entity = new Entity(operation.PrimaryEntityName, rowId);
            foreach (var attribute in image.Attributes)
            {
                if (snapshot.TryGetValue(attribute, out var value))
                {
                    entity.Attributes[attribute] = ValueCloner.Named(value, dataverse.NameOf);
                }
            }

            images[image.Alias] = entity;
        }

        return images;
    }

    private static Guid ImageRowId(Operation operation, string messagePropertyName) => messagePropertyName switch
    {
        ImageMessageProperty.Id => operation.OutputParameters.TryGetValue("id", out var id) && id is Guid created ? created : Guid.Empty,
        ImageMessageProperty.Target => operation.TargetEntity is not null || operation.TargetReference is not null ? operation.PrimaryEntityId : Guid.Empty,
        _ => operation.InputParameters.TryGetValue(messagePropertyName, out var value) && value is EntityReference reference ? reference.Id : Guid.Empty,
    };

    private static ParameterCollection CloneParameters(ParameterCollection source)
    {
        var copy = new ParameterCollection();
        foreach (var parameter in source)
        {
            copy[parameter.Key] = ValueCloner.Clone(parameter.Value);
        }

        return copy;
    }

    internal void Invoke(IPlugin plugin, PluginExecutionContext context)
    {
        var trace = new PluginTrace(context.PluginType, context.MessageName, context.PrimaryEntityName, context.Stage, context.Mode, context.Depth, context.CorrelationId);
        context.Origin.Record.Add(trace);
        dataverse.AddTrace(trace);
        var provider = new PluginServiceProvider(context, new TracingService(trace), new PluginServiceFactory(dataverse, context));
        try
        {
            plugin.Execute(provider);
        }
        catch (Exception ex)
        {
            trace.Exception = ex;
            throw ToFault(ex, context.PluginType);
        }
    }

    /// <summary>What the caller receives when a plug-in throws, as Dataverse reports it.</summary>
    internal static DataverseFaultException ToFault(Exception exception, Type pluginType)
    {
        const int DefaultHResult = unchecked((int)0x80131500);
        return exception switch
        {
            DataverseFaultException fault => fault,
            InvalidPluginExecutionException ipe => DataverseFaultException.Create(
                ipe.ErrorCode is 0 or DefaultHResult ? DataverseErrorCodes.IsvAborted : ipe.ErrorCode,
                ipe.Message,
                ipe),
            _ => DataverseFaultException.Create(
                DataverseErrorCodes.Unexpected,
                $"Unexpected exception from plug-in (Execute): {pluginType.FullName}: {exception.GetType().FullName}: {exception.Message}",
                exception),
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

/// <summary>Stage numbers the declarations' enum does not name.</summary>
internal static class PluginPipelineStage
{
    /// <summary>A Custom API's main operation.</summary>
    public const int MainOperation = 30;
}
