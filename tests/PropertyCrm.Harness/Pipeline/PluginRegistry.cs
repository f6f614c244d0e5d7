using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Harness.Pipeline;

/// <summary>Registered steps and Custom APIs, with the registration checks Dataverse applies.</summary>
internal sealed class PluginRegistry
{
    private readonly object sync = new();
    private readonly Dictionary<string, CustomApiRegistration> customApis = new(StringComparer.OrdinalIgnoreCase);
    private StepRegistration[] steps = Array.Empty<StepRegistration>();

    public void Add(StepDeclaration step, Guid? runAsUserId)
    {
        Validate(step);
        lock (sync)
        {
            steps = steps.Append(new StepRegistration(step, runAsUserId, steps.Length)).ToArray();
        }
    }

    public void Add(CustomApiDeclaration api)
    {
        lock (sync)
        {
            if (customApis.ContainsKey(api.UniqueName))
            {
                throw new ArgumentException($"Custom API {api.UniqueName} is already registered.", nameof(api));
            }

            customApis[api.UniqueName] = new CustomApiRegistration(api);
        }
    }

    public CustomApiRegistration? FindCustomApi(string uniqueName)
    {
        lock (sync)
        {
            return customApis.TryGetValue(uniqueName, out var api) ? api : null;
        }
    }

    /// <summary>Steps for the event, in execution order: stage, then rank, then registration order.</summary>
    public IReadOnlyList<StepRegistration> StepsFor(string messageName, string primaryEntityName)
    {
        var snapshot = Volatile.Read(ref steps);
        return snapshot
            .Where(s => s.Matches(messageName, primaryEntityName))
            .OrderBy(s => s.Stage)
            .ThenBy(s => s.Declaration.Rank)
            .ThenBy(s => s.Order)
            .ToArray();
    }

    private static void Validate(StepDeclaration step)
    {
        foreach (var image in step.Images)
        {
            var message = step.Message;
            var wantsPre = image.Type is ImageType.PreImage or ImageType.Both;
            var wantsPost = image.Type is ImageType.PostImage or ImageType.Both;
            if (wantsPost && step.Stage != PipelineStage.PostOperation)
            {
                throw new ArgumentException($"{step.Name}: PreEvent step registration does not support Post Image ('{image.Alias}').", nameof(step));
            }

            if (wantsPre && string.Equals(message, "Create", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"{step.Name}: Create has no pre-image ('{image.Alias}').", nameof(step));
            }

            if (wantsPost && string.Equals(message, "Delete", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"{step.Name}: Delete has no post-image ('{image.Alias}').", nameof(step));
            }

            if (!(string.Equals(message, "Create", StringComparison.OrdinalIgnoreCase)
                || string.Equals(message, "Update", StringComparison.OrdinalIgnoreCase)
                || string.Equals(message, "Delete", StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException($"{step.Name}: Message '{message}' does not support image registration.", nameof(step));
            }
        }

        if (step.FilteringAttributes.Count > 0 && !string.Equals(step.Message, "Update", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"{step.Name}: filtering attributes apply to Update steps only.", nameof(step));
        }
    }
}
