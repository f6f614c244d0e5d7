using System;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Calendars.Serialization;

namespace PropertyCrm.Plugins.Mapping;

/// <summary>
/// Maps a <c>pcrm_businesscalendar</c> row (name + JSON definition) to a <see cref="BusinessCalendar"/>. The row's name
/// is what SLA policies refer to; the definition's "name" must be the same (a blank row name takes the definition's).
/// </summary>
public static class BusinessCalendarRowMapping
{
    /// <summary>Error code when the definition is not valid calendar JSON or disagrees with the row.</summary>
    public const string InvalidDefinition = "calendar.row.invalid";

    /// <exception cref="DomainException"><see cref="InvalidDefinition"/>, with the parser's bilingual message.</exception>
    public static BusinessCalendar Parse(string? rowName, string? definition)
    {
        var label = string.IsNullOrWhiteSpace(rowName) ? "?" : rowName!.Trim();
        if (string.IsNullOrWhiteSpace(definition))
        {
            throw new DomainException(
                InvalidDefinition,
                $"工作日历 '{label}' 缺少定义(JSON) / Business calendar '{label}' has no definition (JSON).");
        }

        BusinessCalendar calendar;
        try
        {
            calendar = CalendarJson.ParseCalendar(definition!);
        }
        catch (DomainException ex)
        {
            throw new DomainException(
                InvalidDefinition,
                $"工作日历 '{label}' 的定义无效 / The definition of business calendar '{label}' is invalid: {ex.Message}");
        }

        if (!string.IsNullOrWhiteSpace(rowName) && !string.Equals(rowName!.Trim(), calendar.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException(
                InvalidDefinition,
                $"工作日历名称 '{label}' 与定义中的 \"name\": \"{calendar.Name}\" 不一致 / "
                + $"Business calendar name '{label}' differs from the definition's \"name\": \"{calendar.Name}\".");
        }

        return calendar;
    }
}
