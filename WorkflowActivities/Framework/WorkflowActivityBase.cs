using System;
using System.Activities;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using PropertyCrm.Domain;
using PropertyCrm.Plugins.Execution;

namespace PropertyCrm.WorkflowActivities.Framework;

/// <summary>
/// Base of every custom workflow activity. Like plug-ins, activity instances are shared by the workflow
/// runtime, so they keep no state in fields: arguments arrive through the CodeActivityContext.
/// Errors follow the plug-ins' ladder, <see cref="ExecutionFaults"/>: InvalidPluginExecutionException unchanged, a refused
/// business rule as its bilingual message, anything else wrapped with the original kept as inner exception.
/// </summary>
public abstract class WorkflowActivityBase : CodeActivity
{
    protected sealed override void Execute(CodeActivityContext executionContext)
    {
        Guard.NotNull(executionContext, nameof(executionContext));

        var stopwatch = Stopwatch.StartNew();
        var workflowContext = executionContext.GetExtension<IWorkflowContext>();
        var tracing = executionContext.GetExtension<ITracingService>();
        var factory = executionContext.GetExtension<IOrganizationServiceFactory>();
        var name = GetType().Name;

        void Trace(string message) => tracing.Trace(
            "[+{0} ms] {1}",
            stopwatch.Elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture),
            message);

        Trace($"Entered {name}: correlation {workflowContext.CorrelationId}, initiating user {workflowContext.InitiatingUserId}, run as {workflowContext.UserId}");
        // One service for both roles, as activities always had: the workflow's user, whose writes run one level deeper
        // than the workflow (depth >= 2) and so pass the guards. Created on first use.
        var service = new Lazy<IOrganizationService>(() => factory.CreateOrganizationService(workflowContext.UserId));
        var scope = new ExecutionScope(() => service.Value, () => service.Value, workflowContext.OrganizationId, workflowContext.OperationCreatedOn, Trace);
        ExecutionFaults.Run(name, Trace, () => Run(executionContext, scope));
    }

    /// <summary>Reads the arguments, calls the area service built from <paramref name="scope"/>, sets the outputs.</summary>
    protected abstract void Run(CodeActivityContext activity, ExecutionScope scope);
}
