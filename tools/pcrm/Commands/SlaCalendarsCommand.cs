using System.Collections.Generic;
using System.IO;
using System.Linq;
using PropertyCrm.Domain.Calendars;

namespace PropertyCrm.Cli.Commands;

/// <summary>`pcrm sla calendars`: the built-in business calendars, their offset and the years they cover.</summary>
internal sealed class SlaCalendarsCommand : ICommand
{
    public string Name => "sla calendars";

    public string Summary => "list built-in business calendars and the years they cover";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count > 0)
        {
            error.WriteLine($"sla calendars 不接受参数:'{string.Join(" ", args)}' / sla calendars takes no arguments: '{string.Join(" ", args)}'.");
            return 2;
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
