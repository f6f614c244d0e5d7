using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Plugins.Framework;

/// <summary>
/// Base of every plug-in, in the shape of Microsoft's `pac plugin init` template, dispatching like XrmBedrock: it finds
/// the declaration (<see cref="StepDeclaration"/>, or <see cref="CustomApiDeclaration"/> at the main operation) that
/// matches the event and calls its handler. Dataverse caches one instance per step registration and calls it from many
/// threads at once, so a plug-in keeps no per-call state in fields: only the configuration strings it was built with.
/// </summary>
/// <remarks>
/// Before the handler: a Custom API's string inputs are held to their declared maxima and a step's required images are
/// checked. Exceptions follow <see cref="ExecutionFaults"/>, the ladder workflow activities use too.
/// </remarks>
public abstract class PluginBase : IPlugin
{
    /// <summary>Stage of a Custom API's main operation (the plug-in that implements the API).</summary>
    public const int MainOperationStage = 30;

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<StepDeclaration>> StepsByType = new();

    protected PluginBase(string? unsecureConfiguration, string? secureConfiguration)
    {
        UnsecureConfiguration = unsecureConfiguration;
        SecureConfiguration = secureConfiguration;
    }

    protected string? UnsecureConfiguration { get; }

    protected string? SecureConfiguration { get; }

    /// <summary>
    /// The steps declared for this plug-in type: PluginCatalog's. Overridden only by test plug-ins that live outside
    /// the catalog.
    /// </summary>
    protected virtual IReadOnlyList<StepDeclaration> DeclaredSteps =>
        StepsByType.GetOrAdd(GetType(), type => PluginCatalog.Steps.Where(s => s.PluginType == type).ToArray());

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = new LocalPluginContext(serviceProvider);
        var execution = context.PluginExecutionContext;
        var name = GetType().Name;
        context.Trace(string.Format(
            CultureInfo.InvariantCulture,
            "Entered {0}: {1} of {2}, stage {3}, depth {4}, correlation {5}, initiating user {6}, run as {7}, operation created {8:o}",
            name,
            execution.MessageName,
            execution.PrimaryEntityName,
            execution.Stage,
            execution.Depth,
            execution.CorrelationId,
            execution.InitiatingUserId,
            execution.UserId,
            execution.OperationCreatedOn));

        if (execution.Stage == MainOperationStage)
        {
            var api = PluginCatalog.CustomApis.FirstOrDefault(a => a.PluginType == GetType() && SdkMessageName.Is(execution.MessageName, a.UniqueName));
            Dispatch(context, name, api?.Handler, () => CustomApiInputLimits.Check(api!, execution));
            return;
        }

        var step = DeclaredSteps.FirstOrDefault(s => s.Matches(execution.MessageName, execution.PrimaryEntityName, execution.Stage));
        Dispatch(context, name, step?.Handler, () => RequiredImages.Check(step!, execution));
    }

    private static void Dispatch(LocalPluginContext context, string name, Action<ILocalPluginContext>? handler, Action checkRequirements)
    {
        if (handler is null)
        {
            // Registered on an event the code does not declare: doing nothing is safer than guessing.
            context.Trace($"{name} is not declared for this event; nothing done.");
            return;
        }

        ExecutionFaults.Run(name, context.Trace, () =>
        {
            checkRequirements();
            handler(context);
        });
    }
}
