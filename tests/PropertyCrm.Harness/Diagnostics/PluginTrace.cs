using System;
using System.Collections.Generic;

namespace PropertyCrm.Harness.Diagnostics;

/// <summary>One plug-in execution: what ran, where in the pipeline, and the lines it traced.</summary>
public sealed class PluginTrace
{
    private readonly List<string> lines = new();

    internal PluginTrace(Type pluginType, string messageName, string? primaryEntityName, int stage, int mode, int depth, Guid correlationId)
    {
        PluginType = pluginType;
        MessageName = messageName;
        PrimaryEntityName = primaryEntityName;
        Stage = stage;
        Mode = mode;
        Depth = depth;
        CorrelationId = correlationId;
    }

    public Type PluginType { get; }

    public string MessageName { get; }

    public string? PrimaryEntityName { get; }

    /// <summary>10, 20, 30 (Custom API main operation) or 40.</summary>
    public int Stage { get; }

    /// <summary>0 synchronous, 1 asynchronous.</summary>
    public int Mode { get; }

    public int Depth { get; }

    public Guid CorrelationId { get; }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
            {
                return lines.ToArray();
            }
        }
    }

    /// <summary>What the plug-in threw, if it failed.</summary>
    public Exception? Exception { get; internal set; }

    internal void Add(string line)
    {
        lock (lines)
        {
            lines.Add(line);
        }
    }

    public override string ToString() => $"{PluginType.Name} {MessageName} {PrimaryEntityName} stage {Stage} mode {Mode} depth {Depth}";
}
