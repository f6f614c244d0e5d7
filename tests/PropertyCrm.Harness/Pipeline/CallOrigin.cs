using System;
using PropertyCrm.Harness.Diagnostics;
using PropertyCrm.Harness.Storage;

namespace PropertyCrm.Harness.Pipeline;

/// <summary>
/// Who makes a request and from where: the test (depth 1, no parent) or a plug-in's service (its
/// context is the parent; depth + 1; same correlation id and transaction).
/// </summary>
internal sealed class CallOrigin
{
    public CallOrigin(Guid userId, Guid initiatingUserId, int depth, Guid correlationId, Transaction? transaction, PluginExecutionContext? parentContext, ExecutionRecord record)
    {
        UserId = userId;
        InitiatingUserId = initiatingUserId;
        Depth = depth;
        CorrelationId = correlationId;
        Transaction = transaction;
        ParentContext = parentContext;
        Record = record;
    }

    /// <summary>The user the calling service acts as.</summary>
    public Guid UserId { get; }

    /// <summary>The user who started the whole chain.</summary>
    public Guid InitiatingUserId { get; }

    public int Depth { get; }

    public Guid CorrelationId { get; }

    /// <summary>The transaction to join; null starts a new one.</summary>
    public Transaction? Transaction { get; }

    public PluginExecutionContext? ParentContext { get; }

    public ExecutionRecord Record { get; }

    public CallOrigin WithTransaction(Transaction? transaction) =>
        new(UserId, InitiatingUserId, Depth, CorrelationId, transaction, ParentContext, Record);

    /// <summary>A call made through the service a plug-in got from its factory.</summary>
    public static CallOrigin FromPlugin(PluginExecutionContext parent, Guid userId) =>
        new(userId, parent.InitiatingUserId, parent.Depth + 1, parent.CorrelationId, parent.Transaction, parent, parent.Origin.Record);
}
