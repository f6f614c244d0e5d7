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
/// Every pcrm command on System.CommandLine: per-command --help, typo suggestions, unknown options and missing values
/// refused before a command starts (so pack, generate and simulate never start a build on bad usage). Parse errors are
/// printed in Chinese and English (System.CommandLine's own zh-Hans and English resources), exit 2, as every pcrm usage
/// error. The commands that parse their own "--name value" options (sla, pack, generate, validate, simulate) get their
/// arguments back in that form, so their outputs and exit codes are exactly what they were.
/// </summary>
internal static class CommandTree
{
    public static RootCommand Build(CliEnvironment environment, TextWriter output, TextWriter error)
    {
        var root = WebApiCommands.Build(environment, output, error);
        foreach (var command in CommandCatalog.All)
        {
            var words = command.Name.Split(' ');
            Command parent = root;
            foreach (var word in words.Take(words.Length - 1))
            {
                var group = parent.Subcommands.FirstOrDefault(c => c.Name == word);
                if (group is null)
                {
                    group = new Command(word, GroupDescription(word));
                    parent.Subcommands.Add(group);
                }

                parent = group;
            }

            parent.Subcommands.Add(Adapt(words[^1], command, output, error));
        }

        return root;
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
                var zh = i < chinese.Count && chinese[i] != english[i] ? chinese[i].Replace("。.", "。", StringComparison.Ordinal) : Chinese(english[i]);
                error.WriteLine($"{zh} / {english[i]}");
            }

            var command = result.CommandResult.Command;
            foreach (var token in result.UnmatchedTokens)
            {
                if (Suggest(token, command) is { } suggestion)
                {
                    error.WriteLine($"你是不是想输入 / did you mean: {suggestion}");
                }
            }

            var path = command == root ? "pcrm" : "pcrm " + string.Join(" ", Path(command, root));
            error.WriteLine($"用法见 / see: {path} --help");
            return 2;
        }

        return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    /// <summary>An ICommand as a System.CommandLine command: typed options for help and checking, the action hands the command its "--name value" arguments.</summary>
    private static Command Adapt(string name, ICommand command, TextWriter output, TextWriter error)
    {
        var adapted = new Command(name, command.Summary);
        var options = new List<(CommandOption Spec, Option Option)>();
        foreach (var spec in command.Options)
        {
            Option option = spec.IsSwitch
                ? new Option<bool>("--" + spec.Name) { Description = spec.Description }
                : new Option<string>("--" + spec.Name) { Description = spec.Description, Required = spec.Required };
            adapted.Options.Add(option);
            options.Add((spec, option));
        }

        adapted.SetAction(parse =>
        {
            var args = new List<string>();
            foreach (var (spec, option) in options)
            {
                if (spec.IsSwitch)
                {
                    if (parse.GetValue((Option<bool>)option))
                    {
                        args.Add("--" + spec.Name);
                    }
                }
                else if (parse.GetResult(option) is { Implicit: false } && parse.GetValue((Option<string>)option) is { } value)
                {
                    args.Add("--" + spec.Name);
                    args.Add(value);
                }
            }

            return command.Run(args, output, error);
        });
        return adapted;
    }

    /// <summary>Chinese for the parse errors System.CommandLine's zh-Hans resources leave in English.</summary>
    private static string Chinese(string english)
    {
        var quoted = System.Text.RegularExpressions.Regex.Match(english, "'([^']*)'");
        var name = quoted.Success ? quoted.Groups[1].Value : string.Empty;
        return english switch
        {
            _ when english.EndsWith("is required.", StringComparison.Ordinal) => $"缺少必填选项 {name}",
            _ when english.Contains("expects a single argument", StringComparison.Ordinal) => $"选项 {name} 只能给一次",
            _ when english.StartsWith("Required argument missing", StringComparison.Ordinal) => $"选项 {name} 缺少取值",
            _ => "命令行有误",
        };
    }

    private static string GroupDescription(string word) => word switch
    {
        "sla" => "SLA 工作时间与时限 / SLA working time and deadlines (deadline, plan, calendars)",
        _ => word,
    };

    /// <summary>The subcommand or option of <paramref name="command"/> closest to a mistyped token (at most two edits, or a prefix).</summary>
    private static string? Suggest(string token, Command command)
    {
        var known = command.Subcommands.Select(c => c.Name).Concat(command.Options.Select(o => o.Name)).Where(n => n.Length > 0 && !n.StartsWith("-h", StringComparison.Ordinal) && !n.StartsWith("/", StringComparison.Ordinal));
        var word = token.Split('=')[0];
        return known
            .Select(k => (Word: k, Distance: k.StartsWith(word, StringComparison.Ordinal) && word.Length > 2 ? 0 : Distance(word, k)))
            .Where(k => k.Distance <= 2)
            .OrderBy(k => k.Distance)
            .ThenBy(k => k.Word, StringComparer.Ordinal)
            .Select(k => k.Word)
            .FirstOrDefault();
    }

    public static int Distance(string a, string b)
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
