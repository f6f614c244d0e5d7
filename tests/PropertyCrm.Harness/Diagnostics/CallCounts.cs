using System;
using System.Collections.Generic;
using System.Linq;

namespace PropertyCrm.Harness.Diagnostics;

/// <summary>
/// Counts of organization-service calls made by plug-ins, by message, for call budgets
/// ("creating a request costs at most one read": <c>Assert.True(counts.Reads &lt;= 1)</c>).
/// </summary>
public sealed class CallCounts
{
    private readonly IReadOnlyList<ServiceCall> calls;

    internal CallCounts(IReadOnlyList<ServiceCall> calls)
    {
        this.calls = calls;
    }

    public IReadOnlyList<ServiceCall> Calls => calls;

    /// <summary>Calls with this message name (case-insensitive); 0 when none.</summary>
    public int this[string messageName] => calls.Count(c => string.Equals(c.MessageName, messageName, StringComparison.OrdinalIgnoreCase));

    public int Total => calls.Count;

    public int Create => this["Create"];

    public int Retrieve => this["Retrieve"];

    public int RetrieveMultiple => this["RetrieveMultiple"];

    public int Update => this["Update"];

    public int Delete => this["Delete"];

    /// <summary>Retrieve + RetrieveMultiple.</summary>
    public int Reads => Retrieve + RetrieveMultiple;

    /// <summary>Create + Update + Delete + Upsert + SetState + Assign + Associate + Disassociate.</summary>
    public int Writes => Create + Update + Delete + this["Upsert"] + this["SetState"] + this["Assign"] + this["Associate"] + this["Disassociate"];

    /// <summary>Only the calls made by this plug-in type.</summary>
    public CallCounts By(Type pluginType) => new(calls.Where(c => c.PluginType == pluginType).ToArray());

    public CallCounts By<TPlugin>() => By(typeof(TPlugin));

    /// <summary>Only the calls made by the plug-in type with this simple or full name.</summary>
    public CallCounts By(string pluginTypeName) =>
        new(calls.Where(c => c.PluginType.Name == pluginTypeName || c.PluginType.FullName == pluginTypeName).ToArray());

    public override string ToString() =>
        string.Join(", ", calls.GroupBy(c => c.MessageName).Select(g => $"{g.Key}={g.Count()}"));
}
