using System;
using System.Collections.Generic;

namespace PropertyCrm.Harness.Diagnostics;

/// <summary>
/// What one top-level request (a call the test made, or one asynchronous step run by DrainAsyncSteps)
/// caused: the plug-ins that ran with their traces, and every service call they made.
/// </summary>
public sealed class ExecutionRecord
{
    private readonly List<ServiceCall> calls = new();
    private readonly List<PluginTrace> traces = new();
    private int allColumnsRequests;

    internal ExecutionRecord(string messageName, string? primaryEntityName, Guid correlationId, bool isAsyncStep)
    {
        MessageName = messageName;
        PrimaryEntityName = primaryEntityName;
        CorrelationId = correlationId;
        IsAsyncStep = isAsyncStep;
    }

    public string MessageName { get; }

    public string? PrimaryEntityName { get; }

    public Guid CorrelationId { get; }

    /// <summary>True when this records an asynchronous step run by DrainAsyncSteps.</summary>
    public bool IsAsyncStep { get; }

    /// <summary>Calls plug-ins made inside this request (at any depth).</summary>
    public CallCounts PluginCalls
    {
        get
        {
            lock (calls)
            {
                return new CallCounts(calls.ToArray());
            }
        }
    }

    public IReadOnlyList<PluginTrace> Traces
    {
        get
        {
            lock (traces)
            {
                return traces.ToArray();
            }
        }
    }

    /// <summary>Queries or retrieves inside this request (by anyone) that asked for all columns.</summary>
    public int AllColumnsRequests => allColumnsRequests;

    /// <summary>The fault the caller received, or null when the request succeeded.</summary>
    public Exception? Error { get; internal set; }

    internal void Add(ServiceCall call)
    {
        lock (calls)
        {
            calls.Add(call);
        }
    }

    internal void Add(PluginTrace trace)
    {
        lock (traces)
        {
            traces.Add(trace);
        }
    }

    internal void CountAllColumns() => System.Threading.Interlocked.Increment(ref allColumnsRequests);

    public override string ToString() => $"{MessageName} {PrimaryEntityName}: {PluginCalls}";
}
