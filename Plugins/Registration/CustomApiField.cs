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

    /// <summary>
    /// The most characters of a sweep's ContinuationToken input: the sweeps' own tokens are under 60 ("v1:{ticks}:{id}",
    /// "tier1:{id}"); a longer value is not one of ours, and refusing it keeps it out of the error and trace text.
    /// </summary>
    public const int ContinuationTokenMaxLength = 100;

    /// <summary>The key of the parameter in InputParameters / OutputParameters.</summary>
    public string UniqueName { get; }

    public CustomApiFieldType Type { get; }

    public LocalizedText DisplayName { get; }

    public LocalizedText Description { get; }

    /// <summary>Request parameters only; response properties are never optional.</summary>
    public bool IsOptional { get; init; }

    /// <summary>For Entity / EntityReference types: the table it must be.</summary>
    public string? LogicalEntityName { get; init; }

    /// <summary>
    /// String request parameters: the most characters accepted (every one declares it; a test checks). Dataverse has no
    /// such metadata, so PluginBase refuses a longer value bilingually before the API runs, and the README lists them.
    /// </summary>
    public int? MaxLength { get; init; }
}
