using System;
using System.Diagnostics;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Logic.LoyaltySweeps;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Plugins.Steps.Sweeps;

/// <summary>What one owner sweep API declares of its own (see <see cref="OwnerSweepPlugin"/>).</summary>
public sealed class OwnerSweepApi
{
    public required string UniqueName { get; init; }

    public required Type PluginType { get; init; }

    public required LocalizedText DisplayName { get; init; }

    public required LocalizedText Description { get; init; }

    public required string ExecutePrivilegeName { get; init; }

    public required LocalizedText AsOfLabel { get; init; }

    public required LocalizedText AsOfDescription { get; init; }

    public required int MaxPageSize { get; init; }

    public required int DefaultPageSize { get; init; }

    public required LocalizedText ProcessedDescription { get; init; }

    /// <summary>The sweep's own integer output (owners changed, points expired…).</summary>
    public required CustomApiField CountOutput { get; init; }

    public Func<LoyaltySweepResult, int> Count { get; init; } = r => r.Changed;

    /// <summary>The service call, the same one the sweep's workflow activity makes.</summary>
    public required Func<ExecutionScope, OwnerSweepArguments, Stopwatch, LoyaltySweepResult> Run { get; init; }
}
