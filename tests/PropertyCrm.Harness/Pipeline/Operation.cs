using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness.Pipeline;

/// <summary>
/// One message going through the pipeline: the parameters every step of it shares (the same Target
/// object, so a pre-operation change is what gets saved) and its shared variables.
/// </summary>
internal sealed class Operation
{
    public Operation(string messageName, string primaryEntityName, Guid primaryEntityId, ParameterCollection inputParameters, CallOrigin origin, DateTime createdOn)
    {
        MessageName = messageName;
        PrimaryEntityName = primaryEntityName;
        PrimaryEntityId = primaryEntityId;
        InputParameters = inputParameters;
        Origin = origin;
        CreatedOn = createdOn;
        SharedVariables = new ParameterCollection();
        PreValidationSharedVariables = HasOuterContext ? new ParameterCollection() : SharedVariables;
        OperationId = Guid.NewGuid();
        RequestId = Guid.NewGuid();
    }

    // The state part of a split Update (see EventPipeline.StatusSplit): the same request, its own Target.
    private Operation(Operation first, ParameterCollection inputParameters)
    {
        MessageName = first.MessageName;
        PrimaryEntityName = first.PrimaryEntityName;
        PrimaryEntityId = first.PrimaryEntityId;
        InputParameters = inputParameters;
        Origin = first.Origin;
        CreatedOn = first.CreatedOn;
        SharedVariables = first.SharedVariables;
        PreValidationSharedVariables = first.PreValidationSharedVariables;
        OuterContext = first.OuterContext;
        OperationId = first.OperationId;
        RequestId = first.RequestId;
        Transaction = first.Transaction;
    }

    public string MessageName { get; }

    /// <summary>The table, or "none" for a message bound to no table.</summary>
    public string PrimaryEntityName { get; }

    /// <summary>Empty for Create until the main operation assigns the id.</summary>
    public Guid PrimaryEntityId { get; set; }

    public ParameterCollection InputParameters { get; }

    public ParameterCollection OutputParameters { get; } = new();

    /// <summary>Shared variables of stages 20–40 (and of stage 10 too for messages without an outer context).</summary>
    public ParameterCollection SharedVariables { get; }

    /// <summary>
    /// Shared variables of the PreValidation stage. For Create, Update and Delete they are a separate collection
    /// that later stages reach through ParentContext (Learn, "Understand the execution context", Shared variables).
    /// </summary>
    public ParameterCollection PreValidationSharedVariables { get; }

    /// <summary>Create, Update and Delete: stages 20–40 run in a child context of the PreValidation-level context.</summary>
    public bool HasOuterContext => MessageName is "Create" or "Update" or "Delete";

    /// <summary>The PreValidation-level context that is the ParentContext of stages 20–40 (built on first use).</summary>
    public PluginExecutionContext? OuterContext { get; set; }

    public CallOrigin Origin { get; }

    public DateTime CreatedOn { get; }

    public Guid OperationId { get; }

    public Guid RequestId { get; }

    /// <summary>The transaction of stages 20–40 (null during a top-level pre-validation).</summary>
    public Transaction? Transaction { get; set; }

    public Entity? TargetEntity => InputParameters.TryGetValue("Target", out var value) ? value as Entity : null;

    public EntityReference? TargetReference => InputParameters.TryGetValue("Target", out var value) ? value as EntityReference : null;

    /// <summary>The state/status part of this Update, sharing its shared variables and parent context.</summary>
    public Operation StatePart(Entity stateTarget)
    {
        var input = new ParameterCollection { ["Target"] = stateTarget };
        return new Operation(this, input);
    }
}
