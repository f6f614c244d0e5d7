using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using PropertyCrm.Harness.Diagnostics;

namespace PropertyCrm.Harness;

public sealed partial class FakeDataverse
{
    private readonly ConcurrentQueue<ExecutionRecord> executions = new();
    private readonly ConcurrentQueue<PluginTrace> traces = new();
    private readonly ConcurrentQueue<AsyncStepFailure> asyncFailures = new();
    private ExecutionRecord? lastExecution;
    private int allColumnsRequests;

    /// <summary>Asynchronous steps that failed (recorded; never thrown to the original caller).</summary>
    public IReadOnlyList<AsyncStepFailure> AsyncFailures => asyncFailures.ToArray();

    /// <summary>Every top-level request so far (calls by the test and async steps run), in completion order.</summary>
    public IReadOnlyList<ExecutionRecord> Executions => executions.ToArray();

    /// <summary>The most recently completed top-level request.</summary>
    public ExecutionRecord LastExecution => Volatile.Read(ref lastExecution) ?? throw new InvalidOperationException("No request has been executed yet.");

    /// <summary>Service calls plug-ins made across every request so far.</summary>
    public CallCounts PluginCalls => new(executions.SelectMany(e => e.PluginCalls.Calls).ToArray());

    /// <summary>Every plug-in execution so far, with its trace lines.</summary>
    public IReadOnlyList<PluginTrace> Traces => traces.ToArray();

    /// <summary>How many Retrieve/RetrieveMultiple asked for all columns (the project must never: tests assert 0).</summary>
    public int AllColumnsRequests => Volatile.Read(ref allColumnsRequests);

    /// <summary>Forgets recorded executions, traces, async failures and the AllColumns count (rows stay).</summary>
    public void ResetDiagnostics()
    {
        executions.Clear();
        traces.Clear();
        asyncFailures.Clear();
        Volatile.Write(ref lastExecution, null);
        Interlocked.Exchange(ref allColumnsRequests, 0);
    }

    internal void CountAllColumns(ExecutionRecord? record)
    {
        Interlocked.Increment(ref allColumnsRequests);
        record?.CountAllColumns();
    }

    internal void AddTrace(PluginTrace trace) => traces.Enqueue(trace);

    private void Complete(ExecutionRecord record)
    {
        executions.Enqueue(record);
        Volatile.Write(ref lastExecution, record);
    }
}
