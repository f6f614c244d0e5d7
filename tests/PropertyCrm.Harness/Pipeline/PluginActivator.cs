using System;
using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace PropertyCrm.Harness.Pipeline;

/// <summary>Constructs plug-ins the way Dataverse does: (unsecure, secure) configuration if the type takes it.</summary>
internal static class PluginActivator
{
    public static IPlugin Create(Type pluginType, string? unsecureConfiguration)
    {
        if (!typeof(IPlugin).IsAssignableFrom(pluginType))
        {
            throw new ArgumentException($"{pluginType.FullName} does not implement IPlugin.", nameof(pluginType));
        }

        const BindingFlags Flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        var two = pluginType.GetConstructor(Flags, null, new[] { typeof(string), typeof(string) }, null);
        if (two is not null)
        {
            // Secure configuration is not part of the declarations (it never ships in the solution).
            return (IPlugin)two.Invoke(new object?[] { unsecureConfiguration, null });
        }

        var one = pluginType.GetConstructor(Flags, null, new[] { typeof(string) }, null);
        if (one is not null)
        {
            return (IPlugin)one.Invoke(new object?[] { unsecureConfiguration });
        }

        return (IPlugin)(Activator.CreateInstance(pluginType, nonPublic: true)
            ?? throw new InvalidOperationException($"Cannot construct {pluginType.FullName}."));
    }
}
