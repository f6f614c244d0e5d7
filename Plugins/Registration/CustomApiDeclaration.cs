using System;
using System.Collections.Generic;
using PropertyCrm.Domain;
using PropertyCrm.Plugins.Framework;

namespace PropertyCrm.Plugins.Registration;

/// <summary>Custom API binding type (customapi.bindingtype).</summary>
public enum CustomApiBindingType
{
    Global = 0,
    Entity = 1,
    EntityCollection = 2,
}

/// <summary>Which custom steps other publishers may register on the API (customapi.allowedcustomprocessingsteptype).</summary>
public enum CustomApiProcessingStepType
{
    None = 0,
    AsyncOnly = 1,
    SyncAndAsync = 2,
}

/// <summary>
/// A Custom API declared once in code: the Solution's customapis/ folder and the harness's message
/// routing are both built from it. The plug-in type runs as the API's main operation (stage 30), calling <see cref="Handler"/>.
/// </summary>
public sealed class CustomApiDeclaration
{
    public CustomApiDeclaration(string uniqueName, Type pluginType, LocalizedText displayName, LocalizedText description)
    {
        UniqueName = string.IsNullOrWhiteSpace(uniqueName) ? throw new ArgumentException("Name required.", nameof(uniqueName)) : uniqueName;
        PluginType = Guard.NotNull(pluginType, nameof(pluginType));
        DisplayName = Guard.NotNull(displayName, nameof(displayName));
        Description = Guard.NotNull(description, nameof(description));
    }

    public string UniqueName { get; }

    public Type PluginType { get; }

    /// <summary>The API's main operation, called by <see cref="PluginBase"/>; null only for test plug-ins outside PluginBase.</summary>
    public Action<ILocalPluginContext>? Handler { get; init; }

    public LocalizedText DisplayName { get; }

    public LocalizedText Description { get; }

    /// <summary>A function is called with GET in the Web API and must not change data.</summary>
    public bool IsFunction { get; init; }

    public bool IsPrivate { get; init; }

    public CustomApiBindingType BindingType { get; init; } = CustomApiBindingType.Global;

    public string? BoundEntityLogicalName { get; init; }

    public CustomApiProcessingStepType AllowedCustomProcessingStepType { get; init; } = CustomApiProcessingStepType.AsyncOnly;

    /// <summary>Privilege a caller needs, or null for any user who can call the API.</summary>
    public string? ExecutePrivilegeName { get; init; }

    public IReadOnlyList<CustomApiField> RequestParameters { get; init; } = Array.Empty<CustomApiField>();

    public IReadOnlyList<CustomApiField> ResponseProperties { get; init; } = Array.Empty<CustomApiField>();
}
