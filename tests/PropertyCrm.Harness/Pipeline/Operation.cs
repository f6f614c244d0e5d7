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
    }

    public string MessageName { get; }

    /// <summary>The table, or "none" for a message bound to no table.</summary>
    public string PrimaryEntityName { get; }

    /// <summary>Empty for Create until the main operation assigns the id.</summary>
    public Guid PrimaryEntityId { get; set; }

    public ParameterCollection InputParameters { get; }

    public ParameterCollection OutputParameters { get; } = new();

    public ParameterCollection SharedVariables { get; } = new();

    public CallOrigin Origin { get; }

    public DateTime CreatedOn { get; }

    public Guid OperationId { get; } = Guid.NewGuid();

    public Guid RequestId { get; } = Guid.NewGuid();

    /// <summary>The transaction of stages 20–40 (null during a top-level pre-validation).</summary>
    public Transaction? Transaction { get; set; }

    public Entity? TargetEntity => InputParameters.TryGetValue("Target", out var value) ? value as Entity : null;

    public EntityReference? TargetReference => InputParameters.TryGetValue("Target", out var value) ? value as EntityReference : null;
}
