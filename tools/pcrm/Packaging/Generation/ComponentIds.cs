using System;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Cli.Packaging.Generation;

/// <summary>
/// Deterministic ids of generated components, all name-based (<see cref="StableId"/>) like the step id the
/// declaration already carries: the same code yields the same ids on every pack, so an upgrade updates the
/// registration in place instead of adding a second one.
/// </summary>
internal static class ComponentIds
{
    public static Guid Assembly(string assemblyName) => StableId.From("pluginassembly:" + assemblyName);

    public static Guid PluginType(string typeFullName) => StableId.From("plugintype:" + typeFullName);

    /// <summary>Exports carry a GUID string as FriendlyName (registration-tool default); ours is stable too.</summary>
    public static Guid FriendlyName(string typeFullName) => StableId.From("plugintype-friendlyname:" + typeFullName);

    public static Guid Image(StepDeclaration step, StepImage image) => StableId.From($"stepimage:{step.Id:D}:{image.Alias}");

    /// <summary>Lower-case "d" format without braces (PluginAssemblyId, PluginTypeId, SdkMessageId style).</summary>
    public static string Plain(Guid id) => id.ToString("D");

    /// <summary>Lower-case with braces (SdkMessageProcessingStepId, image ids, RootComponent id style).</summary>
    public static string Braced(Guid id) => id.ToString("B");

    /// <summary>Folder and DLL name of an assembly in the solution: its name without dots, as exports write it.</summary>
    public static string FolderName(string assemblyName) => assemblyName.Replace(".", string.Empty, StringComparison.Ordinal);
}
