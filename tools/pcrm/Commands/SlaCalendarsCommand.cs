using System.Collections.Generic;
using System.IO;
using System.Linq;
using PropertyCrm.Domain.Calendars;

namespace PropertyCrm.Cli.Commands;

/// <summary>
/// `pcrm sla calendars`: the built-in business calendars, their offset and the years they cover.
/// `pcrm sla calendars --json cn-workdays` prints a built-in calendar's JSON definition, the template admins copy
/// for a property's own calendar or to add next year's holidays.
/// </summary>
internal sealed class SlaCalendarsCommand : ICommand
{
    private static readonly string[] OptionNames = { "json" };

    public string Name => "sla calendars";

    public string Summary => "list built-in business calendars and covered years; --json <name> prints one's definition";

    public IReadOnlyList<CommandOption> Options { get; } = new[]
    {
        new CommandOption("json", "print this built-in calendar's JSON definition"),
    };

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (!CommandOptions.TryParse(args, OptionNames, out var options, out var usageError))
        {
            error.WriteLine(usageError);
            return 2;
        }

        if (options.TryGet("json", out var name))
        {
            var definition = BuiltInCalendars.Definition(name);
            if (definition is null)
            {
                var known = string.Join(", ", BuiltInCalendars.Catalog.Calendars.Select(c => c.Name));
                error.WriteLine($"未知的内置工作日历 '{name}'(可用:{known}) / Unknown built-in business calendar '{name}' (available: {known}).");
                return 2;
            }

            output.WriteLine(definition);
            return 0;
        }

        output.WriteLine("name         offset  years        description");
        foreach (var calendar in BuiltInCalendars.Catalog.Calendars)
        {
            var years = calendar.ObservesPublicHolidays
                ? string.Join(",", calendar.CoveredYears.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                : "all";
            var sign = calendar.UtcOffset < System.TimeSpan.Zero ? "-" : "+";
            var offset = $"{sign}{calendar.UtcOffset.Duration():hh\\:mm}";
            output.WriteLine($"{calendar.Name,-12} {offset,-7} {years,-12} {calendar.Description}");
        }

        return 0;
    }
}
