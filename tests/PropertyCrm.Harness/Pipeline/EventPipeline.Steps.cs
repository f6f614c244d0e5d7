using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness.Diagnostics;
using PropertyCrm.Harness.Storage;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Harness.Pipeline;

// Running registered steps: synchronous stages in the transaction, asynchronous ones queued after commit; contexts, images, faults.
internal sealed partial class EventPipeline
{
    private void RunSynchronous(
        Operation operation,
        IReadOnlyList<StepRegistration> steps,
        Transaction? transaction,
        Dictionary<string,
        object>? pre,
        Dictionary<string,
        object>? post)
    {
        foreach (var step in steps)
        {
            if (!step.PassesFilter(operation.InputParameters))
            {
                continue;
            }

            var context = NewContext(
                operation,
                step.Declaration.PluginType,
                step.Stage,
                0,
                transaction,
                step.RunAsUserId ?? operation.Origin.UserId,
                step.Declaration.Id,
                step,
                pre,
                post);
            Invoke(step.Plugin, context);
        }
    }

    private void QueueAsynchronous(
        Operation operation,
        IReadOnlyList<StepRegistration> steps,
        Transaction transaction,
        Dictionary<string,
        object>? pre,
        Dictionary<string,
        object>? post)
    {
        foreach (var step in steps)
        {
            if (!step.PassesFilter(operation.InputParameters))
            {
                continue;
            }

            // The system job gets a copy of the event as it is now; it runs only if the transaction commits.
            var context = NewContext(
                operation,
                step.Declaration.PluginType,
                step.Stage,
                1,
                null,
                step.RunAsUserId ?? operation.Origin.UserId,
                step.Declaration.Id,
                step,
                pre,
                post);
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
            SharedVariables = asynchronous ? CloneParameters(SharedVariablesOf(operation, stage)) : SharedVariablesOf(operation, stage),
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
            ParentContext = ParentContextOf(operation, stage)!,
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
}
