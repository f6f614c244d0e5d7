using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace PropertyCrm.Cli.Packaging;

/// <summary>Where things are in the PropertyCrm repository, found from the current directory upwards.</summary>
internal sealed class RepositoryLayout
{
    public const string SchemasEnvironmentVariable = "PCRM_SCHEMAS";
    public const string VersionProperty = "PropertyCrmVersion";
    private const string SolutionFile = "PropertyCrm.sln";
    private const string PropsFile = "Directory.Build.props";

    private RepositoryLayout(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public string SolutionFolder => Path.Combine(Root, "Solution");

    public string PluginsProject => Path.Combine(Root, "Plugins", "PropertyCrm.Plugins.csproj");

    public string WorkflowActivitiesProject => Path.Combine(Root, "WorkflowActivities", "PropertyCrm.WorkflowActivities.csproj");

    /// <summary>The deployable plug-in assembly: the net462 Release build (Dataverse runs .NET Framework 4.6.2).</summary>
    public string PluginsAssembly => Path.Combine(Root, "Plugins", "bin", "Release", "net462", "PropertyCrm.Plugins.dll");

    public string WorkflowActivitiesAssembly => Path.Combine(Root, "WorkflowActivities", "bin", "Release", "net462", "PropertyCrm.WorkflowActivities.dll");

    /// <summary>Finds the repository containing <paramref name="start"/> (default: the current directory, then the tool's own location).</summary>
    public static RepositoryLayout Find(string? start = null)
    {
        foreach (var candidate in new[] { start, Environment.CurrentDirectory, AppContext.BaseDirectory }.OfType<string>())
        {
            for (var directory = new DirectoryInfo(Path.GetFullPath(candidate)); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SolutionFile)) && File.Exists(Path.Combine(directory.FullName, PropsFile)))
                {
                    return new RepositoryLayout(directory.FullName);
                }
            }
        }

        throw new DirectoryNotFoundException($"找不到 PropertyCrm 仓库（{SolutionFile}） / cannot find the PropertyCrm repository ({SolutionFile}) above the current directory");
    }

    /// <summary>
    /// The solution version from its single source, PropertyCrmVersion in Directory.Build.props (the same
    /// property stamps the assemblies' version).
    /// </summary>
    public string ReadVersion()
    {
        var props = XDocument.Load(Path.Combine(Root, PropsFile));
        var value = props.Descendants(VersionProperty).Select(e => e.Value.Trim()).FirstOrDefault();
        if (value is null || !Version.TryParse(value, out var version) || version.Revision < 0)
        {
            throw new InvalidOperationException($"{PropsFile}: {VersionProperty} 必须是四段版本号 / must be a four-part version (major.minor.build.revision), found '{value}'");
        }

        return value;
    }

    /// <summary>
    /// --schemas, else $PCRM_SCHEMAS: a newer schema folder chosen by the user. Null means the 9.0.0.2090 set
    /// embedded in pcrm (<see cref="EmbeddedSchemas"/>); nothing outside the repository is ever looked for.
    /// </summary>
    public static string? SchemaFolder(string? option)
    {
        var chosen = option ?? Environment.GetEnvironmentVariable(SchemasEnvironmentVariable);
        return string.IsNullOrEmpty(chosen) ? null : chosen;
    }

    /// <summary>
    /// The .NET Framework 4.6.2 reference assemblies from the Microsoft.NETFramework.ReferenceAssemblies.net462
    /// package the net462 builds restore (NUGET_PACKAGES or ~/.nuget/packages).
    /// </summary>
    public static string FrameworkReferenceDirectory()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(packages))
        {
            packages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        var package = Path.Combine(packages, "microsoft.netframework.referenceassemblies.net462");
        var directory = Directory.Exists(package)
            ? Directory.EnumerateDirectories(package)
                .Select(v => Path.Combine(v, "build", ".NETFramework", "v4.6.2"))
                .Where(Directory.Exists)
                .OrderByDescending(p => p, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        return directory ?? throw new DirectoryNotFoundException(
            $"找不到 .NET Framework 4.6.2 引用程序集 / .NET Framework 4.6.2 reference assemblies not found under {package} (a net462 build restores them)");
    }
}
