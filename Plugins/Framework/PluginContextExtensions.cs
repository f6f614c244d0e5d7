using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Plugins.Framework;

/// <summary>
/// Typed access to the request target and entity images, in the manner of DLaB.Xrm: a step says what it
/// needs and gets a clear error when the registration does not provide it.
/// </summary>
public static class PluginContextExtensions
{
    public const string TargetParameter = "Target";

    /// <summary>The Target entity of Create/Update; null when the request has none.</summary>
    public static Entity? GetTarget(this IPluginExecutionContext context)
    {
        return context.InputParameters.TryGetValue(TargetParameter, out var value) ? value as Entity : null;
    }

    /// <summary>The Target entity of Create/Update; throws when missing (a registration error).</summary>
    public static Entity GetRequiredTarget(this IPluginExecutionContext context)
    {
        return context.GetTarget()
            ?? throw new InvalidPluginExecutionException($"{context.MessageName} of {context.PrimaryEntityName} has no Target entity.");
    }

    /// <summary>The Target reference of Delete, Assign, SetState and entity-bound Custom APIs.</summary>
    public static EntityReference GetRequiredTargetReference(this IPluginExecutionContext context)
    {
        return context.InputParameters.TryGetValue(TargetParameter, out var value) && value is EntityReference reference
            ? reference
            : throw new InvalidPluginExecutionException($"{context.MessageName} of {context.PrimaryEntityName} has no Target reference.");
    }

    /// <summary>
    /// The pre-image under <paramref name="alias"/>, or null. An image the step cannot do without is declared
    /// <see cref="StepImage.IsRequired"/> instead, and PluginBase checks it before the handler runs.
    /// </summary>
    public static Entity? GetPreImage(this IPluginExecutionContext context, string alias)
    {
        return context.PreEntityImages.TryGetValue(alias, out var image) ? image : null;
    }

    public static Entity? GetPostImage(this IPluginExecutionContext context, string alias)
    {
        return context.PostEntityImages.TryGetValue(alias, out var image) ? image : null;
    }

    /// <summary>
    /// Whether the request came straight from outside (a user, an import, a flow or an integration: depth 1) rather
    /// than from a plug-in or workflow of this pipeline. The guards refuse direct writes of code-maintained rows and
    /// columns and let PropertyCrm's own steps through.
    /// </summary>
    public static bool IsDirectRequest(this IPluginExecutionContext context) => context.Depth <= 1;

    /// <summary>
    /// Whether this request runs as part of deleting a row of <paramref name="table"/> (a cascade): some parent
    /// context is a Delete of that table. Used to let the owner's erasure (PIPL) remove rows that are otherwise
    /// protected or corrected.
    /// </summary>
    public static bool IsCascadeOfDelete(this IPluginExecutionContext context, string table)
    {
        for (var parent = context.ParentContext; parent is not null; parent = parent.ParentContext)
        {
            if (SdkMessageName.Is(parent.MessageName, SdkMessageName.Delete)
                && string.Equals(parent.PrimaryEntityName, table, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The row as it will be after the request: the pre-image overlaid with the target's columns.
    /// The target wins because it holds what the request changes. On Create there is no pre-image and
    /// the result is a copy of the target. Never changes the target or the image.
    /// </summary>
    public static Entity CoalesceTargetWithPreImage(this IPluginExecutionContext context, string preImageAlias) =>
        context.CoalesceTargetWith(context.GetPreImage(preImageAlias));

    /// <summary>
    /// As <see cref="CoalesceTargetWithPreImage"/>, over a row the step read itself instead of its pre-image (a row read
    /// under a lock, fresher than the image taken when the pipeline started).
    /// </summary>
    public static Entity CoalesceTargetWith(this IPluginExecutionContext context, Entity? pre)
    {
        var target = context.GetRequiredTarget();
        var merged = new Entity(target.LogicalName, target.Id);
        if (pre is not null)
        {
            foreach (var attribute in pre.Attributes)
            {
                merged[attribute.Key] = attribute.Value;
            }
        }

        foreach (var attribute in target.Attributes)
        {
            merged[attribute.Key] = attribute.Value;
        }

        if (merged.Id == Guid.Empty && pre is not null)
        {
            merged.Id = pre.Id;
        }

        return merged;
    }

    /// <summary>Reads an input parameter of a Custom API or message; throws a bilingual error if it is missing.</summary>
    public static T GetRequiredInput<T>(this IPluginExecutionContext context, string name)
    {
        if (context.InputParameters.TryGetValue(name, out var value) && value is T typed)
        {
            return typed;
        }

        throw new InvalidPluginExecutionException($"缺少参数 {name} / Missing parameter {name}.");
    }

    public static T? GetOptionalInput<T>(this IPluginExecutionContext context, string name)
    {
        return context.InputParameters.TryGetValue(name, out var value) && value is T typed ? typed : default;
    }
}
