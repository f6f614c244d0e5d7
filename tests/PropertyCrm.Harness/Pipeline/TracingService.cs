using System.Globalization;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness.Diagnostics;

namespace PropertyCrm.Harness.Pipeline;

/// <summary>Collects a step's trace lines into its <see cref="PluginTrace"/>.</summary>
internal sealed class TracingService : ITracingService
{
    private readonly PluginTrace trace;

    public TracingService(PluginTrace trace)
    {
        this.trace = trace;
    }

    public void Trace(string format, params object[] args)
    {
        var line = args is null || args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
        trace.Add(line ?? string.Empty);
    }
}
