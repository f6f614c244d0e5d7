using System;
using System.Collections.Generic;
using System.Linq;
using PropertyCrm.Domain;
using PropertyCrm.Plugins.Framework;

namespace PropertyCrm.Plugins.Registration;

/// <summary>
/// Everything Dataverse needs to register one plug-in step, declared once in code. The Solution's
/// SdkMessageProcessingSteps XML (pcrm pack) and the test harness's event pipeline are both built from
/// these declarations, so a test exercises exactly what is deployed. <see cref="Handler"/> is the method that handles
/// the event (XrmBedrock's <c>RegisterPluginStep&lt;T&gt;(…, handler)</c>): <see cref="PluginBase"/> finds the declaration
/// matching the event and calls it, so no step branches on the message or the stage.
/// </summary>
public sealed class StepDeclaration
{
    public StepDeclaration(Type pluginType, string message, string? primaryEntity, PipelineStage stage, ExecutionMode mode)
    {
        PluginType = Guard.NotNull(pluginType, nameof(pluginType));
        if (string.IsNullOrWhiteSpace(message))
        {
            throw new ArgumentException("A step needs a message.", nameof(message));
        }

        if (mode == ExecutionMode.Asynchronous && stage != PipelineStage.PostOperation)
        {
            throw new ArgumentException("Asynchronous steps run only in post-operation.", nameof(mode));
        }

        Message = message;
        PrimaryEntity = primaryEntity;
        Stage = stage;
        Mode = mode;
    }

    private readonly IReadOnlyList<StepImage> images = Array.Empty<StepImage>();

    public Type PluginType { get; }

    /// <summary>
    /// What runs when the event happens: a static method of the plug-in (instances are shared across threads).
    /// Null only for declarations of test plug-ins that do not derive from <see cref="PluginBase"/>.
    /// </summary>
    public Action<ILocalPluginContext>? Handler { get; init; }

    /// <summary>SDK message name: a <see cref="SdkMessageName"/> constant or a Custom API's unique name.</summary>
    public string Message { get; }

    /// <summary>Table logical name, or null for a message not bound to a table (a global Custom API).</summary>
    public string? PrimaryEntity { get; }

    public PipelineStage Stage { get; }

    public ExecutionMode Mode { get; }

    /// <summary>Execution order among steps of the same event (lower first).</summary>
    public int Rank { get; init; } = 1;

    /// <summary>Update only: the step runs when the request changes at least one of these columns.</summary>
    public IReadOnlyList<string> FilteringAttributes { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Entity images; setting any on a message <see cref="ImageMessageProperty"/> does not know fails here, at the
    /// declaration, instead of at import.
    /// </summary>
    public IReadOnlyList<StepImage> Images
    {
        get => images;
        init
        {
            if (value.Count > 0)
            {
                _ = ImageMessageProperty.For(Message);
            }

            images = value;
        }
    }

    /// <summary>The request property the images are taken of, fixed by the message (Create → Id; Update, Delete → Target).</summary>
    public string ImageMessagePropertyName => ImageMessageProperty.For(Message);

    /// <summary>Unsecure configuration handed to the plug-in's constructor.</summary>
    public string? UnsecureConfiguration { get; init; }

    /// <summary>What the step is for, shown to admins in the plug-in registration tool.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Asynchronous steps only: delete the system job when it succeeds.</summary>
    public bool AsyncAutoDelete { get; init; } = true;

    /// <summary>The name Dataverse shows for the step, the convention of the plug-in registration tool.</summary>
    public string Name =>
        $"{PluginType.FullName}: {Message} of {PrimaryEntity ?? "any entity"} ({Stage}, {Mode})";

    /// <summary>Stable SdkMessageProcessingStepId.</summary>
    public Guid Id => StableId.From("step:" + Name);

    public StepImage? Image(string alias) => Images.FirstOrDefault(i => i.Alias == alias);

    /// <summary>Whether this declaration is the one for an event (the message compared by <see cref="SdkMessageName.Is"/>).</summary>
    public bool Matches(string messageName, string? primaryEntityName, int stage) =>
        SdkMessageName.Is(messageName, Message)
        && (PrimaryEntity is null || string.Equals(PrimaryEntity, primaryEntityName, StringComparison.OrdinalIgnoreCase))
        && (int)Stage == stage;
}
