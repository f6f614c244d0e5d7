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
    private static readonly string[] Options = { "start", "minutes", "calendar" };

    // An offset is required: a bare local time would be read in the machine's zone, which differs between a
    // developer laptop and CI and would make the answer depend on where it ran.
    private static readonly string[] OffsetFormats =
    {
        "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    };

    private static readonly string[] UtcFormats =
    {
        "yyyy-MM-dd'T'HH:mm'Z'",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    };

    public string Name => "sla deadline";

    public string Summary => "working-time deadline: --start <ISO 8601 with offset> --minutes <n> --calendar <name|file.json>";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (!CommandOptions.TryParse(args, Options, out var options, out var usageError))
        {
            return Fail(error, usageError);
        }

        if (!options.TryGet("start", out var startText) || !options.TryGet("minutes", out var minutesText) || !options.TryGet("calendar", out var calendarText))
        {
            return Fail(error, "缺少必填选项 / Missing required option(s): --start, --minutes and --calendar are all required.");
        }

        if (!TryParseStart(startText, out var start))
        {
            return Fail(error, $"--start '{startText}' 不是带时区偏移的 ISO 8601 时间(例如 2026-02-13T17:00:00+08:00) / "
                + $"--start '{startText}' is not an ISO 8601 time with an offset (e.g. 2026-02-13T17:00:00+08:00).");
        }

        if (!int.TryParse(minutesText, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            return Fail(error, $"--minutes '{minutesText}' 须为非负整数 / --minutes '{minutesText}' must be a non-negative whole number.");
        }

        try
        {
            var calendar = CalendarArgument.Resolve(calendarText);
            var deadline = calendar.AddWorkingTime(start, TimeSpan.FromMinutes(minutes));
            output.WriteLine(deadline.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
            return 0;
        }
        catch (DomainException ex)
        {
            return Fail(error, ex.Message);
        }
    }

    private static bool TryParseStart(string text, out DateTimeOffset start) =>
        DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out start)
        || DateTimeOffset.TryParseExact(text, UtcFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start);

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return 2;
    }
}
