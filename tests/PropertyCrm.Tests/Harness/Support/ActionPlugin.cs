using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Tests.Harness.Support;

/// <summary>
/// Test-only plug-ins whose behaviour is a lambda, so each harness test declares exactly the step it needs.
/// The lambda travels as the step's unsecure configuration (a key into <see cref="PluginActions"/>), which
/// also exercises the harness's (unsecure, secure) construction. They implement IPlugin directly: the
/// project's PluginBase runs only steps declared in the real PluginCatalog.
/// </summary>
public abstract class ActionPluginBase : IPlugin
{
    private readonly string? key;

    // Custom APIs have no configuration: their action is found by message name instead.
    protected ActionPluginBase(string? unsecureConfiguration, string? secureConfiguration)
    {
        key = unsecureConfiguration;
        if (key is not null)
        {
            PluginActions.CountConstruction(key);
        }
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
        var tracing = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
        PluginActions.Get(key ?? PluginActions.MessageKey(context.MessageName))(new StepRun(context, factory, tracing));
    }
}

public sealed class ActionPlugin : ActionPluginBase
{
    public ActionPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }
}

/// <summary>A second type, so tests can tell plug-ins apart in call counts and traces.</summary>
public sealed class OtherActionPlugin : ActionPluginBase
{
    public OtherActionPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }
}

/// <summary>What a test lambda gets: the context and services of one step execution.</summary>
public sealed class StepRun
{
    public StepRun(IPluginExecutionContext context, IOrganizationServiceFactory factory, ITracingService tracing)
    {
        Context = context;
        Factory = factory;
        Tracing = tracing;
    }

    public IPluginExecutionContext Context { get; }

    public IOrganizationServiceFactory Factory { get; }

    public ITracingService Tracing { get; }

    /// <summary>The service acting as the step's run-as user (UserId).</summary>
    public IOrganizationService Service => Factory.CreateOrganizationService(Context.UserId);

    public Entity Target => (Entity)Context.InputParameters["Target"];
}

public static class PluginActions
{
    private static readonly ConcurrentDictionary<string, Action<StepRun>> Actions = new();
    private static readonly ConcurrentDictionary<string, int> Constructions = new();

    public static string Add(Action<StepRun> action)
    {
        var key = Guid.NewGuid().ToString("N");
        Actions[key] = action;
        return key;
    }

    public static Action<StepRun> Get(string key) => Actions[key];

    /// <summary>The action a Custom API's main operation runs (Custom APIs carry no configuration).</summary>
    public static void ForMessage(string messageName, Action<StepRun> action) => Actions[MessageKey(messageName)] = action;

    public static string MessageKey(string messageName) => "message:" + messageName;

    public static int ConstructionsOf(StepDeclaration step) => Constructions.TryGetValue(step.UnsecureConfiguration!, out var n) ? n : 0;

    internal static void CountConstruction(string key) => Constructions.AddOrUpdate(key, 1, (_, n) => Interlocked.Increment(ref n));
}

/// <summary>Step declarations for the test plug-ins.</summary>
public static class TestSteps
{
    public static StepDeclaration On<TPlugin>(
        string message,
        string? entity,
        PipelineStage stage,
        Action<StepRun> action,
        ExecutionMode mode = ExecutionMode.Synchronous,
        int rank = 1)
        where TPlugin : ActionPluginBase =>
        new(typeof(TPlugin), message, entity, stage, mode) { UnsecureConfiguration = PluginActions.Add(action), Rank = rank };

    public static StepDeclaration On(string message, string? entity, PipelineStage stage, Action<StepRun> action, ExecutionMode mode = ExecutionMode.Synchronous, int rank = 1) =>
        On<ActionPlugin>(message, entity, stage, action, mode, rank);
}
