using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PropertyCrm.Plugins.Registration;

namespace PropertyCrm.Cli.Packaging.Generation;

/// <summary>The code-side inputs of generation: the built assemblies and the step / Custom API declarations.</summary>
internal sealed record GeneratorInput(
    BuiltAssembly Plugins,
    BuiltAssembly? WorkflowActivities,
    IReadOnlyList<StepDeclaration> Steps,
    IReadOnlyList<CustomApiDeclaration> CustomApis);

/// <summary>
/// `pcrm generate`: turns <see cref="PluginCatalog"/> and the built assemblies into the solution files they
/// stand for. Pure: it returns the files; writing them or comparing them (drift check) is the caller's choice.
/// </summary>
internal static class ComponentGenerator
{
    public static GeneratedFileSet Generate(GeneratorInput input, string solutionRoot)
    {
        var set = new GeneratedFileSet();
        var assemblies = new[] { input.Plugins, input.WorkflowActivities }
            .OfType<BuiltAssembly>()

            // An assembly with no plug-in or activity type has nothing to register; Dataverse refuses it.
            .Where(a => a.PluginTypes.Count + a.WorkflowActivityTypes.Count > 0)
            .ToList();
        foreach (var assembly in assemblies)
        {
            set.Add(PluginAssemblyXmlWriter.DataFilePath(assembly), XmlOutput.ExportFile(PluginAssemblyXmlWriter.Build(assembly)));
        }

        var apiNames = new HashSet<string>(input.CustomApis.Select(a => a.UniqueName), StringComparer.Ordinal);
        foreach (var step in input.Steps)
        {
            set.Add(StepXmlWriter.FilePath(step), XmlOutput.ExportFile(StepXmlWriter.Build(step, input.Plugins, apiNames)));
        }

        foreach (var api in input.CustomApis)
        {
            foreach (var (path, document) in CustomApiXmlWriter.Build(api, input.Plugins))
            {
                set.Add(path, XmlOutput.BareFile(document));
            }
        }

        var manifest = Path.Combine(solutionRoot, SolutionPaths.Manifest.Replace('/', Path.DirectorySeparatorChar));
        if (!File.Exists(manifest))
        {
            throw new GenerationException($"{SolutionPaths.Manifest}: 文件缺失 / file is missing");
        }

        set.Add(SolutionPaths.Manifest, RootComponentSync.Apply(File.ReadAllBytes(manifest), assemblies, input.Steps.Select(s => s.Id)));
        return set;
    }
}
