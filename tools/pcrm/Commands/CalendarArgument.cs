using System.IO;
using System.Linq;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Calendars.Serialization;

namespace PropertyCrm.Cli.Commands;

/// <summary>
/// Resolves a --calendar value: a built-in calendar name first (so a stray file called "24x7" cannot shadow the
/// built-in), otherwise a path to a calendar JSON file in the admin format.
/// </summary>
internal static class CalendarArgument
{
    /// <exception cref="DomainException">Unknown name and no such file, or an invalid calendar file.</exception>
    public static BusinessCalendar Resolve(string value)
    {
        if (BuiltInCalendars.Catalog.TryGet(value, out var builtIn))
        {
            return builtIn;
        }

        if (!File.Exists(value))
        {
            var known = string.Join(", ", BuiltInCalendars.Catalog.Calendars.Select(c => c.Name));
            throw new DomainException(
                CalendarErrorCodes.UnknownCalendar,
                $"未知的工作日历 '{value}':既不是内置日历({known}),也不是存在的日历 JSON 文件 / "
                + $"Unknown business calendar '{value}': neither a built-in calendar ({known}) nor an existing calendar JSON file.");
        }

        string json;
        try
        {
            json = File.ReadAllText(value);
        }
        catch (IOException ex)
        {
            throw new DomainException(
                CalendarErrorCodes.UnknownCalendar,
                $"无法读取日历文件 '{value}':{ex.Message} / Cannot read calendar file '{value}': {ex.Message}");
        }
        catch (System.UnauthorizedAccessException ex)
        {
            throw new DomainException(
                CalendarErrorCodes.UnknownCalendar,
                $"无法读取日历文件 '{value}':{ex.Message} / Cannot read calendar file '{value}': {ex.Message}");
        }

        try
        {
            return CalendarJson.ParseCalendar(json);
        }
        catch (DomainException ex)
        {
            throw new DomainException(ex.Code, $"日历文件 '{value}' / calendar file '{value}': {ex.Message}");
        }
    }
}
