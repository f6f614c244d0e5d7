using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Cli.Packaging.Generation;

/// <summary>The real generator input: the repository's Release net462 builds and <see cref="PluginCatalog"/>.</summary>
internal static class CatalogInput
{
    public static GeneratorInput FromBuild(RepositoryLayout layout)
    {
        var references = RepositoryLayout.FrameworkReferenceDirectory();
        return new GeneratorInput(
            BuiltAssemblyReader.Read(layout.PluginsAssembly, references),
            BuiltAssemblyReader.Read(layout.WorkflowActivitiesAssembly, references),
            PluginCatalog.Steps,
            PluginCatalog.CustomApis);
    }
}
