using System;

namespace PropertyCrm.Harness.Diagnostics;

/// <summary>One organization-service call a plug-in made (through the service its factory gave it).</summary>
public sealed class ServiceCall
{
    internal ServiceCall(string messageName, string? entityName, Type pluginType, int depth, bool inBatch)
    {
        MessageName = messageName;
        EntityName = entityName;
        PluginType = pluginType;
        Depth = depth;
        InBatch = inBatch;
    }

    /// <summary>Create, Retrieve, RetrieveMultiple, Update, Delete, ExecuteMultiple, a Custom API name…</summary>
    public string MessageName { get; }

    /// <summary>The table the call addressed, when it has one.</summary>
    public string? EntityName { get; }

    /// <summary>The plug-in whose service made the call.</summary>
    public Type PluginType { get; }

    /// <summary>Depth of the request the call started (the calling step's depth + 1).</summary>
    public int Depth { get; }

    /// <summary>A request inside an ExecuteMultiple/ExecuteTransaction the plug-in sent (the batch is counted too).</summary>
    public bool InBatch { get; }

    public override string ToString() => $"{PluginType.Name} → {MessageName} {EntityName} (depth {Depth})";
}
