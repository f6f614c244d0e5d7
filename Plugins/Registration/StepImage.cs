using System;
using System.Collections.Generic;
using System.Linq;

namespace PropertyCrm.Plugins.Registration;

/// <summary>
/// An entity image registered on a step. Attributes are always listed: an image with every column costs
/// a full read of the row on each event, which the project never wants.
/// </summary>
public sealed class StepImage
{
    public StepImage(string alias, ImageType type, params string[] attributes)
    {
        if (string.IsNullOrWhiteSpace(alias))
        {
            throw new ArgumentException("An image needs an alias.", nameof(alias));
        }

        if (attributes is null || attributes.Length == 0)
        {
            throw new ArgumentException($"Image '{alias}' must list its attributes.", nameof(attributes));
        }

        Alias = alias;
        Type = type;
        Attributes = attributes.ToArray();
    }

    /// <summary>Name plug-ins use to read the image (PreEntityImages[alias]).</summary>
    public string Alias { get; }

    public ImageType Type { get; }

    public IReadOnlyList<string> Attributes { get; }

    /// <summary>
    /// The step cannot run without this image: <see cref="Framework.PluginBase"/> refuses the event with one bilingual
    /// message before the handler runs (a step registered by hand without its image). Steps that accept a missing
    /// image (a pre-image only for comparison, or a fallback to the target) leave it false.
    /// </summary>
    public bool IsRequired { get; init; }
}
