using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace PropertyCrm.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        return Run(args, Console.Out, Console.Error);
    }

    /// <summary>Entry point tests call: the command list for no arguments or help, otherwise the command tree.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) => Run(args, output, error, null);

    /// <summary>As <see cref="Run(IReadOnlyList{string}, TextWriter, TextWriter)"/>, with the Web API commands' environment (tests pass their own).</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, WebApi.CliEnvironment? environment)
    {
        if (args.Count == 0 || args[0] is "help" or "--help" or "-h")
        {
            PrintHelp(output);
            return args.Count == 0 ? 2 : 0;
        }

        if (!KnownFirstWords().Contains(args[0], StringComparer.Ordinal))
        {
            error.WriteLine($"未知命令 / unknown command: {string.Join(" ", args)}");
            if (Suggest(args[0]) is { } suggestion)
            {
                error.WriteLine($"你是不是想输入 / did you mean: {suggestion}");
            }

            PrintHelp(error);
            return 2;
        }

        // Every command on System.CommandLine: typed options, per-command --help, suggestions, bilingual parse errors (exit 2).
        return Commands.CommandTree.Run(args, output, error, environment ?? WebApi.CliEnvironment.FromProcess());
    }

    private static void PrintHelp(TextWriter writer)
    {
        writer.WriteLine("pcrm — PropertyCrm command-line tool");
        writer.WriteLine("usage: ./pcrm <command> [options]");
        var lines = CommandCatalog.All.Select(c => (c.Name, c.Summary)).Concat(Commands.WebApiCommands.Catalog());
        foreach (var (name, summary) in lines.OrderBy(c => c.Item1, StringComparer.Ordinal))
        {
            writer.WriteLine($"  {name,-22} {summary}");
        }

        writer.WriteLine("  (./pcrm <command> --help: the command's options)");
    }

    private static IEnumerable<string> KnownFirstWords() =>
        CommandCatalog.All.Select(c => c.Name.Split(' ')[0]).Concat(Commands.WebApiCommands.Names).Distinct(StringComparer.Ordinal);

    /// <summary>The known first word closest to a mistyped one (at most two edits), for "did you mean".</summary>
    private static string? Suggest(string word) =>
        KnownFirstWords()
            .Select(k => (Word: k, Distance: Commands.CommandTree.Distance(word, k)))
            .Where(k => k.Distance <= 2)
            .OrderBy(k => k.Distance)
            .Select(k => k.Word)
            .FirstOrDefault();
}
