using System;
using PropertyCrm.Domain;

namespace PropertyCrm.Plugins.Registration;

/// <summary>A Custom API request parameter or response property.</summary>
public sealed class CustomApiField
{
    public CustomApiField(string uniqueName, CustomApiFieldType type, LocalizedText displayName, LocalizedText description)
    {
        UniqueName = string.IsNullOrWhiteSpace(uniqueName) ? throw new ArgumentException("Name required.", nameof(uniqueName)) : uniqueName;
        Type = type;
        DisplayName = Guard.NotNull(displayName, nameof(displayName));
        Description = Guard.NotNull(description, nameof(description));
    }

    /// <summary>The key of the parameter in InputParameters / OutputParameters.</summary>
    public string UniqueName { get; }

    public CustomApiFieldType Type { get; }

    public LocalizedText DisplayName { get; }

    public LocalizedText Description { get; }

    /// <summary>Request parameters only; response properties are never optional.</summary>
    public bool IsOptional { get; init; }

    /// <summary>For Entity / EntityReference types: the table it must be.</summary>
    public string? LogicalEntityName { get; init; }
}
