using System;
using System.IO;
using System.Linq;
using PropertyCrm.Cli.Packaging;
using PropertyCrm.Cli.Packaging.Generation;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Packaging;

/// <summary>
/// Shared by every packaging test, created once per run: the repository layout, the compiled XSDs and the
/// Release net462 assemblies. `dotnet test PropertyCrm.sln -c Release` (CI) has just built those; any other
/// run (a Debug test build would otherwise read stale Release DLLs) builds them here, once, not once per test.
/// </summary>
public sealed class PackagingFixture
{
    private readonly Lazy<GeneratorInput> input;

    public PackagingFixture()
    {
        Layout = RepositoryLayout.Find(RepoPaths.Root);
        // Null: the schemas built into pcrm, as `pcrm validate` uses them on a fresh clone; PCRM_SCHEMAS still wins.
        SchemaFolder = RepositoryLayout.SchemaFolder(null);
        Xsd = new XsdValidator(SchemaFolder);
        input = new Lazy<GeneratorInput>(() =>
        {
            var builtWithThisRun = RepoPaths.Configuration == "Release";
            if (!builtWithThisRun && !ReleaseBuildIsCurrent())
            {
                using var error = new StringWriter();
                if (!ReleaseBuilder.Build(Layout, TextWriter.Null, error))
                {
                    throw new InvalidOperationException("Release build of the deployables failed:\n" + error);
                }
            }

            return CatalogInput.FromBuild(Layout);
        });
    }

    internal RepositoryLayout Layout { get; }

    internal string? SchemaFolder { get; }

    internal XsdValidator Xsd { get; }

    /// <summary>The real generator input (built assemblies + PluginCatalog), built on first use.</summary>
    internal GeneratorInput Input => input.Value;

    /// <summary>
    /// Both DLLs exist and are newer than every source and project file that goes into them: the same
    /// up-to-date test MSBuild makes, without paying for an MSBuild run.
    /// </summary>
    private bool ReleaseBuildIsCurrent()
    {
        var dlls = new[] { Layout.PluginsAssembly, Layout.WorkflowActivitiesAssembly };
        if (!dlls.All(File.Exists))
        {
            return false;
        }

        var built = dlls.Min(File.GetLastWriteTimeUtc);
        var inputs = new[] { "Plugins", "WorkflowActivities", "Domain", "Schema", "sdk", "build" }
            .Select(f => Path.Combine(Layout.Root, f))
            .Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith("proj", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Append(Path.Combine(Layout.Root, "Directory.Build.props"));
        return inputs.All(f => File.GetLastWriteTimeUtc(f) <= built);
    }

    internal ValidationReport Validate(string solutionFolder) => new SolutionValidator(Xsd).Validate(new SolutionFolder(solutionFolder));
}

[CollectionDefinition(Name)]
public sealed class PackagingCollection : ICollectionFixture<PackagingFixture>
{
    public const string Name = "Packaging";
}
