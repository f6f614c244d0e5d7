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
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
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
        if (match.Command is null)
        {
            error.WriteLine($"未知命令 / unknown command: {string.Join(" ", args)}");
            PrintHelp(error);
            return 2;
        }

        return match.Command.Run(args.Skip(match.Words.Length).ToArray(), output, error);
    }

    private static void PrintHelp(TextWriter writer)
    {
        writer.WriteLine("pcrm — PropertyCrm command-line tool");
        writer.WriteLine("usage: ./pcrm <command> [options]");
        foreach (var command in CommandCatalog.All.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            writer.WriteLine($"  {command.Name,-22} {command.Summary}");
        }
    }
}
