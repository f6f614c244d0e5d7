using System;
using System.Linq;
using System.Threading;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Harness.Pipeline;

/// <summary>
/// A registered step. Its plug-in instance is created once, on first use, and then reused by every
/// execution on every thread, as Dataverse caches it: a plug-in that keeps per-call state in fields
/// shows the bug here too.
/// </summary>
internal sealed class StepRegistration
{
    private readonly Lazy<IPlugin> instance;

    public StepRegistration(StepDeclaration declaration, Guid? runAsUserId, int order)
    {
        Declaration = declaration;
        RunAsUserId = runAsUserId;
        Order = order;
        instance = new Lazy<IPlugin>(() => PluginActivator.Create(declaration.PluginType, declaration.UnsecureConfiguration), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public StepDeclaration Declaration { get; }

    /// <summary>The user the step runs as (impersonation); null runs it as the caller.</summary>
    public Guid? RunAsUserId { get; }

    /// <summary>Registration order, the last tie-breaker after stage and rank.</summary>
    public int Order { get; }

    public IPlugin Plugin => instance.Value;

    public int Stage => (int)Declaration.Stage;

    public bool IsAsync => Declaration.Mode == ExecutionMode.Asynchronous;

    public bool NeedsPreImage => Declaration.Images.Any(i => i.Type is ImageType.PreImage or ImageType.Both);

    public bool NeedsPostImage => Declaration.Images.Any(i => i.Type is ImageType.PostImage or ImageType.Both);

    public bool Matches(string messageName, string primaryEntityName) =>
        string.Equals(Declaration.Message, messageName, StringComparison.OrdinalIgnoreCase)
        && (Declaration.PrimaryEntity is null || string.Equals(Declaration.PrimaryEntity, primaryEntityName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Update steps with filtering attributes run only when the Target holds one of them.</summary>
    public bool PassesFilter(ParameterCollection inputParameters)
    {
        var filter = Declaration.FilteringAttributes;
        if (filter.Count == 0 || !string.Equals(Declaration.Message, "Update", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return inputParameters.TryGetValue("Target", out var value) && value is Entity target
            && filter.Any(a => target.Attributes.ContainsKey(a));
    }
}

/// <summary>A registered Custom API: its declaration and the cached plug-in that is its main operation.</summary>
internal sealed class CustomApiRegistration
{
    private readonly Lazy<IPlugin> instance;

    public CustomApiRegistration(CustomApiDeclaration declaration)
    {
        Declaration = declaration;
        instance = new Lazy<IPlugin>(() => PluginActivator.Create(declaration.PluginType, null), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public CustomApiDeclaration Declaration { get; }

    public IPlugin Plugin => instance.Value;
}
