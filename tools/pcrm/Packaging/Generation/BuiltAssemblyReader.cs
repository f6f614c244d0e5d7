using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace PropertyCrm.Cli.Packaging.Generation;

/// <summary>
/// Reads a built net462 assembly with System.Reflection.MetadataLoadContext against the .NET Framework
/// 4.6.2 reference assemblies, so a .NET 10 process can inspect types (System.Activities.CodeActivity has
/// no .NET 10 counterpart) without loading or running anything.
/// </summary>
internal static class BuiltAssemblyReader
{
    public const string PluginInterface = "Microsoft.Xrm.Sdk.IPlugin";
    public const string CodeActivity = "System.Activities.CodeActivity";
    public const string GenericCodeActivity = "System.Activities.CodeActivity`1";

    public static BuiltAssembly Read(string assemblyPath, string frameworkReferenceDirectory)
    {
        if (!File.Exists(assemblyPath))
        {
            throw new GenerationException($"找不到已构建的程序集 / built assembly not found: {assemblyPath} (run `dotnet build -c Release` or pcrm without --no-build)");
        }

        var candidates = Directory.EnumerateFiles(frameworkReferenceDirectory, "*.dll")
            .Concat(Directory.EnumerateFiles(Path.Combine(frameworkReferenceDirectory, "Facades"), "*.dll"))
            .Concat(Directory.EnumerateFiles(Path.GetDirectoryName(Path.GetFullPath(assemblyPath))!, "*.dll"))
            .Append(Path.GetFullPath(assemblyPath))
            .Distinct(StringComparer.Ordinal);
        using var context = new MetadataLoadContext(new PathAssemblyResolver(candidates), "mscorlib");
        var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath));
        var name = assembly.GetName();
        var token = name.GetPublicKeyToken();
        if (token is null || token.Length == 0)
        {
            throw new GenerationException($"程序集未签名 / assembly is not strong-named, Dataverse requires a signed assembly: {assemblyPath}");
        }

        var types = LoadableTypes(assembly).Where(t => t.IsClass && !t.IsAbstract && t.IsVisible && !t.ContainsGenericParameters).ToList();
        var plugins = types.Where(t => t.GetInterfaces().Any(i => i.FullName == PluginInterface)).Select(t => t.FullName!);
        var activities = types.Where(IsCodeActivity).Select(t => t.FullName!);
        return new BuiltAssembly(
            assemblyPath,
            name.Name!,
            name.Version!,
            Convert.ToHexString(token).ToLowerInvariant(),
            plugins.OrderBy(n => n, StringComparer.Ordinal).ToList(),
            activities.OrderBy(n => n, StringComparer.Ordinal).ToList());
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    private static bool IsCodeActivity(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            var name = current.IsGenericType ? current.GetGenericTypeDefinition().FullName : current.FullName;
            if (name is CodeActivity or GenericCodeActivity)
            {
                return true;
            }
        }

        return false;
    }
}
