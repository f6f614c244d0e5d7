using System;
using System.Collections.Generic;
using System.Linq;

namespace PropertyCrm.Cli.Packaging;

/// <summary>
/// Value-less switches (--no-build, --check) for the packaging commands. The shared CommandOptions parser
/// takes "--name value" pairs only, so switches are taken out first and the rest goes to it.
/// </summary>
internal static class CommandFlags
{
    public static IReadOnlyList<string> Take(IReadOnlyList<string> args, IReadOnlyCollection<string> switches, out ISet<string> present)
    {
        present = new HashSet<string>(StringComparer.Ordinal);
        var rest = new List<string>();
        foreach (var arg in args)
        {
            var name = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : null;
            if (name is not null && switches.Contains(name))
            {
                present.Add(name);
            }
            else
            {
                rest.Add(arg);
            }
        }

        return rest;
    }

    public static string Usage(string command, string synopsis) => $"用法 / usage: ./pcrm {command} {synopsis}";
}
