using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using System.IO;
using System.Linq;
using PropertyCrm.Cli.WebApi;

namespace PropertyCrm.Cli.Commands;

/// <summary>
/// The System.CommandLine tree of the Web API commands (env, import, data): typed options, per-command --help,
/// typo suggestions. Parse errors are printed in Chinese and English (System.CommandLine's own zh-Hans and English
/// resources), exit 2, as every pcrm usage error.
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

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, CliEnvironment environment)
    {
        var root = Build(environment, output, error);
        var result = root.Parse(args);
        if (result.Errors.Count > 0 && result.Action is not HelpAction)
        {
            var chinese = ErrorsIn(root, args, "zh-Hans");
            var english = ErrorsIn(root, args, "en-US");
            for (var i = 0; i < english.Count; i++)
            {
                var zh = i < chinese.Count && chinese[i] != english[i] ? chinese[i].Replace("。.", "。", StringComparison.Ordinal) : "命令行有误";
                error.WriteLine($"{zh} / {english[i]}");
            }

            var command = result.CommandResult.Command;
            var path = command == root ? "pcrm" : "pcrm " + string.Join(" ", Path(command, root));
            error.WriteLine($"用法见 / see: {path} --help");
            return 2;
        }

        return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    private static List<string> ErrorsIn(RootCommand root, IReadOnlyList<string> args, string culture)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return root.Parse(args).Errors.Select(e => e.Message).ToList();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    private static IEnumerable<string> Path(Command command, RootCommand root)
    {
        var names = new List<string>();
        for (var current = command; current is not null && current != root; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, current.Name);
        }

        return names;
    }
}
