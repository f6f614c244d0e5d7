using System;
using System.Collections.Generic;

namespace PropertyCrm.Cli.Commands;

/// <summary>
/// "--name value" (or "--name=value") options for one command, checked against the names it accepts.
/// Problems come back as one bilingual message so every command reports bad usage the same way (exit 2).
/// </summary>
internal sealed class CommandOptions
{
    private readonly Dictionary<string, string> values;

    private CommandOptions(Dictionary<string, string> values)
    {
        this.values = values;
    }

    public static bool TryParse(IReadOnlyList<string> args, IReadOnlyCollection<string> allowed, out CommandOptions options, out string error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        options = new CommandOptions(values);
        error = string.Empty;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                error = $"意外的参数 '{arg}' / Unexpected argument '{arg}'.";
                return false;
            }

            var equals = arg.IndexOf('=');
            var name = equals > 0 ? arg.Substring(2, equals - 2) : arg.Substring(2);
            if (!Contains(allowed, name))
            {
                error = $"未知选项 --{name}(可用:--{string.Join(", --", allowed)}) / Unknown option --{name} (allowed: --{string.Join(", --", allowed)}).";
                return false;
            }

            string value;
            if (equals > 0)
            {
                value = arg.Substring(equals + 1);
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                error = $"选项 --{name} 缺少取值 / Option --{name} needs a value.";
                return false;
            }

            if (values.ContainsKey(name))
            {
                error = $"选项 --{name} 重复 / Option --{name} is given twice.";
                return false;
            }

            values.Add(name, value);
        }

        return true;
    }

    public bool TryGet(string name, out string value) => this.values.TryGetValue(name, out value!);

    private static bool Contains(IReadOnlyCollection<string> allowed, string name)
    {
        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
