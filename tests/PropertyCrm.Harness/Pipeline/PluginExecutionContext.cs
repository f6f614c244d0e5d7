using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness.Pipeline;

/// <summary>
/// The execution context one step receives. Input/output parameters and shared variables are the
/// operation's own collections (shared by its steps); images are the step's own.
/// </summary>
internal sealed class PluginExecutionContext : IPluginExecutionContext
{
    public PluginExecutionContext(CallOrigin origin, Transaction? transaction)
    {
        Origin = origin;
        Transaction = transaction;
    }

    /// <summary>How the operation was called; services made from this context derive their origin from it.</summary>
    public CallOrigin Origin { get; }

    /// <summary>The transaction this step's service calls join (null: each call is its own transaction).</summary>
    public Transaction? Transaction { get; }

    public int Mode { get; init; }

    public int IsolationMode { get; init; } = 2;

    public int Depth { get; init; }

    public string MessageName { get; init; } = string.Empty;

    public string PrimaryEntityName { get; init; } = "none";

    public Guid? RequestId { get; init; }

    public string SecondaryEntityName { get; init; } = "none";

    public ParameterCollection InputParameters { get; init; } = new();

    public ParameterCollection OutputParameters { get; init; } = new();

    public ParameterCollection SharedVariables { get; init; } = new();

    public Guid UserId { get; init; }

    public Guid InitiatingUserId { get; init; }

    public Guid BusinessUnitId { get; init; }

    public Guid OrganizationId { get; init; }

    public string OrganizationName { get; init; } = string.Empty;

    public Guid PrimaryEntityId { get; init; }

    public EntityImageCollection PreEntityImages { get; init; } = new();

    public EntityImageCollection PostEntityImages { get; init; } = new();

    public EntityReference OwningExtension { get; init; } = new();

    public Guid CorrelationId { get; init; }

    public bool IsExecutingOffline => false;

    public bool IsOfflinePlayback => false;

    public bool IsInTransaction { get; init; }

    public Guid OperationId { get; init; }

    public DateTime OperationCreatedOn { get; init; }

    public int Stage { get; init; }

    public IPluginExecutionContext ParentContext { get; init; } = null!;

    /// <summary>The plug-in type running with this context (for call counting).</summary>
    public Type PluginType { get; init; } = typeof(object);

    /// <summary>The same context under another origin: an asynchronous step run later as its own system job.</summary>
    public PluginExecutionContext WithOrigin(CallOrigin origin) => new(origin, null)
    {
        Mode = Mode,
        IsolationMode = IsolationMode,
        Depth = Depth,
        MessageName = MessageName,
        PrimaryEntityName = PrimaryEntityName,
        RequestId = RequestId,
        SecondaryEntityName = SecondaryEntityName,
        InputParameters = InputParameters,
        OutputParameters = OutputParameters,
        SharedVariables = SharedVariables,
        UserId = UserId,
        InitiatingUserId = InitiatingUserId,
        BusinessUnitId = BusinessUnitId,
        OrganizationId = OrganizationId,
        OrganizationName = OrganizationName,
        PrimaryEntityId = PrimaryEntityId,
        PreEntityImages = PreEntityImages,
        PostEntityImages = PostEntityImages,
        OwningExtension = OwningExtension,
        CorrelationId = CorrelationId,
        IsInTransaction = false,
        OperationId = OperationId,
        OperationCreatedOn = OperationCreatedOn,
        Stage = Stage,
        ParentContext = ParentContext,
        PluginType = PluginType,
    };
}
