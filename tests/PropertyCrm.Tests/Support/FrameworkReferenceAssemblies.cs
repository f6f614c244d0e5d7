using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace PropertyCrm.Tests.Support;

/// <summary>
/// A MetadataLoadContext over .NET Framework 4.6.2's reference assemblies (restored by the build from
/// Microsoft.NETFramework.ReferenceAssemblies.net462) plus the given assemblies, for inspecting net462
/// builds from .NET 10 without loading them.
/// </summary>
public static class FrameworkReferenceAssemblies
{
    public static MetadataLoadContext Context(params string[] assemblies)
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var framework = Path.Combine(packages, "microsoft.netframework.referenceassemblies.net462", "1.0.3", "build", ".NETFramework", "v4.6.2");
        if (!Directory.Exists(framework))
        {
            throw new DirectoryNotFoundException($".NET Framework 4.6.2 reference assemblies not found at {framework}; build the solution first (it restores them).");
        }

        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in Directory.GetFiles(framework, "*.dll").Concat(Directory.GetFiles(Path.Combine(framework, "Facades"), "*.dll")))
        {
            byName[Path.GetFileNameWithoutExtension(path)] = path;
        }

        foreach (var path in assemblies)
        {
            byName[Path.GetFileNameWithoutExtension(path)] = path;
        }

        return new MetadataLoadContext(new PathAssemblyResolver(byName.Values), "mscorlib");
    }
}
