using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using PropertyCrm.Domain;

namespace PropertyCrm.Cli.Commands;

/// <summary>
/// `pcrm sla deadline --start 2026-02-13T17:00:00+08:00 --minutes 30 --calendar cn-workdays`: prints only the
/// instant the working minutes run out, ISO 8601 in the calendar's offset, so scripts can capture it.
/// </summary>
internal sealed class SlaDeadlineCommand : ICommand
{
    private static readonly string[] OptionNames = { "start", "minutes", "calendar" };

    public string Name => "sla deadline";

    public string Summary => "working-time deadline: --start <ISO 8601 with offset> --minutes <n> --calendar <name|file.json>";

    public IReadOnlyList<CommandOption> Options { get; } = new[]
    {
        new CommandOption("start", "ISO 8601 time with offset, e.g. 2026-02-13T17:00:00+08:00", Required: true),
        new CommandOption("minutes", "working minutes to add", Required: true),
        new CommandOption("calendar", "a built-in calendar name or a calendar file.json", Required: true),
    };

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (!CommandOptions.TryParse(args, OptionNames, out var options, out var usageError))
        {
            return Fail(error, usageError);
        }

        if (!options.TryGet("start", out var startText) || !options.TryGet("minutes", out var minutesText) || !options.TryGet("calendar", out var calendarText))
        {
            return Fail(error, "缺少必填选项 / Missing required option(s): --start, --minutes and --calendar are all required.");
        }

        if (!InstantArgument.TryParse(startText, out var start))
        {
            return Fail(error, InstantArgument.Invalid("start", startText));
        }

        if (!int.TryParse(minutesText, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            return Fail(error, $"--minutes '{minutesText}' 须为非负整数 / --minutes '{minutesText}' must be a non-negative whole number.");
        }

        try
        {
            var calendar = CalendarArgument.Resolve(calendarText);
            var deadline = calendar.AddWorkingTime(start, TimeSpan.FromMinutes(minutes));
            output.WriteLine(InstantArgument.Format(deadline));
            return 0;
        }
        catch (DomainException ex)
        {
            return Fail(error, ex.Message);
        }
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return 2;
    }
}
