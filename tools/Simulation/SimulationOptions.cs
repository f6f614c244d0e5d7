using System;
using System.Collections.Generic;
using System.Globalization;

namespace PropertyCrm.Simulation;

/// <summary>What to simulate: `--seed N --properties 2 --units 1200 --months 12 --out out/simulation --start 2025-01`.</summary>
public sealed record SimulationOptions
{
    public int Seed { get; init; } = 20250101;

    public int Properties { get; init; } = 2;

    /// <summary>Units (households) in the whole company, spread evenly over the properties.</summary>
    public int Units { get; init; } = 1200;

    public int Months { get; init; } = 12;

    /// <summary>First simulated month (China time); the built-in calendars cover 2025–2026.</summary>
    public int StartYear { get; init; } = 2025;

    public int StartMonth { get; init; } = 1;

    public string Out { get; init; } = "out/simulation";

    /// <summary>Draw the progress bar (off in tests).</summary>
    public bool Progress { get; init; } = true;

    private static readonly string[] Names = { "seed", "properties", "units", "months", "out", "start" };

    /// <summary>Parses "--name value" pairs; a bilingual message on bad input.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out SimulationOptions options, out string error)
    {
        options = new SimulationOptions();
        error = string.Empty;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i].Substring(2) : null;
            if (name is null || Array.IndexOf(Names, name) < 0)
            {
                error = $"未知选项 '{args[i]}'(可用:--{string.Join(", --", Names)}) / Unknown option '{args[i]}' (allowed: --{string.Join(", --", Names)}).";
                return false;
            }

            if (i + 1 >= args.Count)
            {
                error = $"选项 --{name} 缺少取值 / Option --{name} needs a value.";
                return false;
            }

            var value = args[++i];
            if (name == "out")
            {
                options = options with { Out = value };
                continue;
            }

            if (name == "start")
            {
                if (!DateTime.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) || start.Year < 2025 || start.Year > 2026)
                {
                    error = $"--start 须为 2025-01 到 2026-12 的 yyyy-MM:'{value}' / --start must be yyyy-MM within 2025-2026 (the calendars' years): '{value}'.";
                    return false;
                }

                options = options with { StartYear = start.Year, StartMonth = start.Month };
                continue;
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                error = $"--{name} 须为非负整数:'{value}' / --{name} must be a whole number: '{value}'.";
                return false;
            }

            options = name switch
            {
                "seed" => options with { Seed = number },
                "properties" => options with { Properties = number },
                "units" => options with { Units = number },
                _ => options with { Months = number },
            };
        }

        return Check(options, out error);
    }

    private static bool Check(SimulationOptions options, out string error)
    {
        error = options switch
        {
            { Properties: < 1 or > 50 } => "--properties 须为 1–50 / --properties must be 1-50.",
            { Months: < 1 or > 24 } => "--months 须为 1–24 / --months must be 1-24.",
            _ when options.Units < options.Properties * 10 || options.Units > 200_000 => "--units 须为每个项目至少 10 户且不超过 200000 / --units must be at least 10 per property and at most 200,000.",
            _ when (options.StartYear * 12 + options.StartMonth - 1 + options.Months - 1) / 12 > 2026 => "模拟超出日历覆盖的 2025–2026 年 / The simulation would run past 2026, the last year the built-in calendars cover.",
            _ => string.Empty,
        };
        return error.Length == 0;
    }
}
