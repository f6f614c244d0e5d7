using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Harness.Diagnostics;

/// <summary>
/// An asynchronous step that failed when DrainAsyncSteps ran it. As in Dataverse, the failure belongs to
/// the system job, never to the caller whose request queued the step.
/// </summary>
public sealed class AsyncStepFailure
{
    internal AsyncStepFailure(StepDeclaration step, IPluginExecutionContext context, Exception exception)
    {
        Step = step;
        Context = context;
        Exception = exception;
    }

    public StepDeclaration Step { get; }

    public IPluginExecutionContext Context { get; }

    public Exception Exception { get; }

    public override string ToString() => $"{Step.Name}: {Exception.Message}";
}
