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

    /// <summary>Entry point tests call: picks the command whose name matches the longest prefix of args.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) => Run(args, output, error, null);

    /// <summary>As <see cref="Run(IReadOnlyList{string}, TextWriter, TextWriter)"/>, with the Web API commands' environment (tests pass their own).</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, WebApi.CliEnvironment? environment)
    {
        if (args.Count == 0 || args[0] is "help" or "--help" or "-h")
        {
            PrintHelp(output);
            return args.Count == 0 ? 2 : 0;
        }

        var match = CommandCatalog.All
            .Select(c => (Command: c, Words: c.Name.Split(' ')))
            .Where(c => c.Words.Length <= args.Count && c.Words.SequenceEqual(args.Take(c.Words.Length), StringComparer.Ordinal))
            .OrderByDescending(c => c.Words.Length)
            .FirstOrDefault();
        if (match.Command is null && Commands.WebApiCommands.Names.Contains(args[0], StringComparer.Ordinal))
        {
            // env, import, data: System.CommandLine (typed options, per-command --help, suggestions).
            return Commands.WebApiCommands.Run(args, output, error, environment ?? WebApi.CliEnvironment.FromProcess());
        }

        if (match.Command is null)
        {
            error.WriteLine($"未知命令 / unknown command: {string.Join(" ", args)}");
            if (Suggest(args[0]) is { } suggestion)
            {
                error.WriteLine($"你是不是想输入 / did you mean: {suggestion}");
            }

            PrintHelp(error);
            return 2;
        }

        var rest = args.Skip(match.Words.Length).ToArray();
        if (match.Command is not (Commands.PackCommand or Commands.GenerateCommand or Commands.ValidateCommand) && rest.Any(a => a is "--help" or "-h"))
        {
            // Per-command help for the commands that parse their own options (pack, generate and validate print their own synopsis).
            output.WriteLine($"用法 / usage: ./pcrm {match.Command.Name} [options]");
            output.WriteLine($"  {match.Command.Summary}");
            return 0;
        }

        return match.Command.Run(rest, output, error);
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

    /// <summary>The known first word closest to a mistyped one (at most two edits), for "did you mean".</summary>
    private static string? Suggest(string word)
    {
        var known = CommandCatalog.All.Select(c => c.Name.Split(' ')[0]).Concat(Commands.WebApiCommands.Names).Distinct(StringComparer.Ordinal);
        return known
            .Select(k => (Word: k, Distance: Distance(word, k)))
            .Where(k => k.Distance <= 2)
            .OrderBy(k => k.Distance)
            .Select(k => k.Word)
            .FirstOrDefault();
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
