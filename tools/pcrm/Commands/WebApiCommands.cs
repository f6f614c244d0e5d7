using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using PropertyCrm.Cli.WebApi;

namespace PropertyCrm.Cli.Commands;

/// <summary>
/// The System.CommandLine commands that talk to Dataverse (env, import, data); <see cref="CommandTree"/> adds the
/// others and runs them all.
/// </summary>
internal static class WebApiCommands
{
    public static IReadOnlyList<string> Names { get; } = new[] { "env", "import", "data" };

    public static RootCommand Build(CliEnvironment environment, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("pcrm — PropertyCrm command-line tool");
        root.Subcommands.Add(EnvCommands.Build(environment, output, error));
        root.Subcommands.Add(ImportCommand.Build(environment, output, error));
        root.Subcommands.Add(DataCommands.Build(environment, output, error));
        return root;
    }

    /// <summary>The lines `pcrm help` lists for these commands.</summary>
    public static IEnumerable<(string Name, string Summary)> Catalog()
    {
        var root = Build(new CliEnvironment(string.Empty), TextWriter.Null, TextWriter.Null);
        foreach (var command in root.Subcommands)
        {
            if (command.Subcommands.Count == 0)
            {
                yield return (command.Name, command.Description ?? string.Empty);
                continue;
            }

            foreach (var sub in command.Subcommands)
            {
                yield return ($"{command.Name} {sub.Name}", sub.Description ?? string.Empty);
            }
        }
    }
}
