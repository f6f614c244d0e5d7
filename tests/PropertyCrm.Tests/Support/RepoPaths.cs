using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace PropertyCrm.Tests.Support;

/// <summary>Locates the repository and the build outputs the tests inspect.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Solution => Path.Combine(Root, "Solution");

    /// <summary>The configuration this test assembly was built with (Debug or Release), so it inspects matching outputs.</summary>
    public static string Configuration =>
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BuildConfiguration").Value!;

    /// <summary>The deployable net462 build of a project, e.g. "Plugins" → Plugins/bin/Release/net462/PropertyCrm.Plugins.dll.</summary>
    public static string Net462Assembly(string projectFolder, string assemblyName)
    {
        var path = Path.Combine(Root, projectFolder, "bin", Configuration, "net462", assemblyName + ".dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{path} is missing: run the tests through the solution (dotnet test PropertyCrm.sln), which builds the net462 deployables first.",
                path);
        }

        return path;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PropertyCrm.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PropertyCrm.sln not found above " + AppContext.BaseDirectory);
    }
}
