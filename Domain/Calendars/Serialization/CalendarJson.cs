using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PropertyCrm.Domain.Calendars.Serialization;

/// <summary>
/// The admin-facing JSON format for business calendars and yearly holiday schedules. The built-in calendars
/// are written in it (see <see cref="BuiltInCalendarData"/>), <c>pcrm sla deadline --calendar file.json</c>
/// reads it, and the Dataverse side stores it so admins can add next year's State Council dates without code.
/// </summary>
/// <remarks>
/// A holiday schedule (one year, one notice):
/// <code>
/// {
///   "year": 2026,
///   "source": "国务院办公厅关于2026年部分节假日安排的通知",
///   "holidays": [ { "name": "春节", "from": "2026-02-15", "to": "2026-02-23" } ],
///   "workdays": [ { "date": "2026-02-14", "name": "春节" } ]
/// }
/// </code>
/// "to" may be omitted for a one-day holiday; a workday may list its own "hours" (["09:00-12:00"]), otherwise
/// the calendar's "makeUpDayHours" apply. A calendar:
/// <code>
/// {
///   "name": "cn-workdays",
///   "description": "...",
///   "utcOffset": "+08:00",
///   "observesPublicHolidays": true,
///   "week": { "monday": ["09:00-18:00"], "tuesday": ["08:30-12:00", "13:30-17:30"] },
///   "makeUpDayHours": ["09:00-18:00"],
///   "years": [ { schedule }, ... ]
/// }
/// </code>
/// Weekdays left out of "week" are closed. "observesPublicHolidays" defaults to true, so a calendar covers only
/// the years it lists; a calendar that never closes (24×7) must say false explicitly. Parsing is strict: unknown
/// properties, comments and malformed values are errors that name the JSON path, line and column.
/// </remarks>
public static class CalendarJson
{
    private static readonly string[] WeekdayNames = { "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday" };

    /// <summary>Parses one year's schedule.</summary>
    /// <exception cref="DomainException">Malformed JSON or invalid data; the message says where.</exception>
    public static HolidaySchedule ParseSchedule(string json)
    {
        Guard.NotNull(json, nameof(json));

        return ReadSchedule(JsonParser.Parse(json));
    }

    /// <summary>Parses a whole calendar, including its yearly schedules.</summary>
    /// <exception cref="DomainException">Malformed JSON or invalid data; the message says where.</exception>
    public static BusinessCalendar ParseCalendar(string json)
    {
        Guard.NotNull(json, nameof(json));

        var root = new JsonObjectReader(JsonParser.Parse(json));
        var name = root.RequiredString("name");
        var description = root.OptionalString("description");
        var offsetNode = root.Optional("utcOffset");
        var offset = offsetNode is null ? TimeSpan.FromHours(8) : ReadOffset(offsetNode);
        var observes = root.OptionalBoolean("observesPublicHolidays") ?? true;
        var week = ReadWeek(root.Required("week"));
        var makeUpNode = root.Optional("makeUpDayHours");
        var makeUpHours = makeUpNode is null ? null : ReadIntervals(makeUpNode);
        var schedules = root.OptionalArray("years").Select(ReadSchedule).ToArray();
        root.RejectUnknown();

        try
        {
            return new BusinessCalendar(name, offset, week, schedules, observes, makeUpHours, description);
        }
        catch (DomainException ex)
        {
            throw JsonObjectReader.At(root.Node, ex);
        }
    }

    private static HolidaySchedule ReadSchedule(JsonNode node)
    {
        var reader = new JsonObjectReader(node);
        var year = reader.RequiredInt32("year");
        var source = reader.OptionalString("source");
        var holidays = reader.OptionalArray("holidays").Select(ReadHoliday).ToArray();
        var workdays = reader.OptionalArray("workdays").Select(ReadWorkday).ToArray();
        reader.RejectUnknown();
        try
        {
            return new HolidaySchedule(year, holidays, workdays, source);
        }
        catch (DomainException ex)
        {
            throw JsonObjectReader.At(node, ex);
        }
    }

    private static PublicHoliday ReadHoliday(JsonNode node)
    {
        var reader = new JsonObjectReader(node);
        var name = reader.RequiredString("name");
        var from = JsonObjectReader.AsDate(reader.Required("from"));
        var toNode = reader.Optional("to");
        var to = toNode is null ? from : JsonObjectReader.AsDate(toNode);
        reader.RejectUnknown();
        try
        {
            return new PublicHoliday(name, from, to);
        }
        catch (DomainException ex)
        {
            throw JsonObjectReader.At(node, ex);
        }
    }

    private static MakeUpWorkday ReadWorkday(JsonNode node)
    {
        var reader = new JsonObjectReader(node);
        var date = JsonObjectReader.AsDate(reader.Required("date"));
        var name = reader.RequiredString("name");
        var hoursNode = reader.Optional("hours");
        var hours = hoursNode is null ? null : ReadIntervals(hoursNode);
        reader.RejectUnknown();
        try
        {
            return new MakeUpWorkday(date, name, hours);
        }
        catch (DomainException ex)
        {
            throw JsonObjectReader.At(node, ex);
        }
    }

    private static WeeklyHours ReadWeek(JsonNode node)
    {
        var reader = new JsonObjectReader(node);
        var days = new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>();
        for (var i = 0; i < WeekdayNames.Length; i++)
        {
            var dayNode = reader.Optional(WeekdayNames[i]);
            if (dayNode is not null)
            {
                days[(DayOfWeek)i] = ReadIntervals(dayNode);
            }
        }

        reader.RejectUnknown();
        try
        {
            return new WeeklyHours(days);
        }
        catch (DomainException ex)
        {
            throw JsonObjectReader.At(node, ex);
        }
    }

    private static WorkingInterval[] ReadIntervals(JsonNode node)
    {
        return JsonObjectReader.AsArray(node)
            .Select(item =>
            {
                var text = JsonObjectReader.AsString(item);
                try
                {
                    return WorkingInterval.Parse(text);
                }
                catch (DomainException ex)
                {
                    throw JsonObjectReader.At(item, ex);
                }
            })
            .ToArray();
    }

    private static TimeSpan ReadOffset(JsonNode node)
    {
        var text = JsonObjectReader.AsString(node);
        if (text.Length == 6
            && (text[0] == '+' || text[0] == '-')
            && TimeSpan.TryParseExact(text.Substring(1), @"hh\:mm", CultureInfo.InvariantCulture, out var magnitude))
        {
            return text[0] == '-' ? magnitude.Negate() : magnitude;
        }

        throw JsonObjectReader.Error(node, $"'{text}' 不是 ±HH:mm 格式的 UTC 偏移(例如 +08:00)", $"'{text}' is not a UTC offset in the form ±HH:mm (e.g. +08:00)");
    }
}
