using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness.Pipeline;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Harness.Diagnostics;

/// <summary>
/// An asynchronous step that failed when DrainAsyncSteps ran it. As in Dataverse, the failure belongs to
/// the system job, never to the caller whose request queued the step.
/// </summary>
public sealed class AsyncStepFailure
{
    internal AsyncStepFailure(StepRegistration registration, PluginExecutionContext queued, IPluginExecutionContext context, Exception exception)
    {
        Registration = registration;
        Queued = queued;
        Step = registration.Declaration;
        Context = context;
        Exception = exception;
    }

    public StepDeclaration Step { get; }

    public IPluginExecutionContext Context { get; }

    public Exception Exception { get; }

    /// <summary>The system job as it was queued, for a retry.</summary>
    internal StepRegistration Registration { get; }

    internal PluginExecutionContext Queued { get; }

    public override string ToString() => $"{Step.Name}: {Exception.Message}";
}
