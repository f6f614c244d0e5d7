using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Cli.Commands;

/// <summary>
/// `pcrm sla plan --type repair --created 2025-01-10T17:30:00+08:00 [--urgency emergency] [--tier diamond]
/// [--calendar service-hours|file.json]`: prints each KPI's deadline under the default policies, one line per KPI,
/// computed exactly as a logged request's clocks start (<see cref="SlaPlan"/>). --calendar is the property's own
/// calendar (its service hours); without it the built-in <c>service-hours</c> is used.
/// </summary>
internal sealed class SlaPlanCommand : ICommand
{
    private static readonly string[] OptionNames = { "type", "created", "urgency", "tier", "calendar" };

    public string Name => "sla plan";

    public string Summary => "default SLA deadlines of a request: --type <repair|complaint|inquiry|…> --created <ISO 8601 with offset> "
        + "[--urgency normal|urgent|emergency] [--tier <code>] [--calendar <property calendar name|file.json>]";

    public IReadOnlyList<CommandOption> Options { get; } = new[]
    {
        new CommandOption("type", "request type: repair, complaint, inquiry, …", Required: true),
        new CommandOption("created", "when the request was logged, ISO 8601 with offset", Required: true),
        new CommandOption("urgency", "normal, urgent or emergency (default normal)"),
        new CommandOption("tier", "the owner's tier code, e.g. diamond"),
        new CommandOption("calendar", "the property's calendar: a built-in name or a calendar file.json"),
    };

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (!CommandOptions.TryParse(args, OptionNames, out var options, out var usageError))
        {
            return Fail(error, usageError);
        }

        if (!options.TryGet("type", out var typeText) || !options.TryGet("created", out var createdText))
        {
            return Fail(error, "缺少必填选项 / Missing required option(s): --type and --created are both required.");
        }

        if (!TryParseEnum<RequestType>(typeText, out var type))
        {
            return Fail(error, $"--type '{typeText}' 不是已知的请求类型({Names<RequestType>()}) / --type '{typeText}' is not a known request type ({Names<RequestType>()}).");
        }

        if (!InstantArgument.TryParse(createdText, out var created))
        {
            return Fail(error, InstantArgument.Invalid("created", createdText));
        }

        var urgency = Urgency.Normal;
        if (options.TryGet("urgency", out var urgencyText) && !TryParseEnum(urgencyText, out urgency))
        {
            return Fail(error, $"--urgency '{urgencyText}' 不是已知的紧急程度({Names<Urgency>()}) / --urgency '{urgencyText}' is not a known urgency ({Names<Urgency>()}).");
        }

        options.TryGet("tier", out var tier);
        try
        {
            var calendars = BuiltInCalendars.Catalog;
            string? propertyCalendar = null;
            if (options.TryGet("calendar", out var calendarText))
            {
                var calendar = CalendarArgument.Resolve(calendarText);
                var isBuiltIn = calendars.TryGet(calendar.Name, out var builtIn) && ReferenceEquals(builtIn, calendar);
                calendars = isBuiltIn ? calendars : CalendarLayering.Compose(calendars, new[] { calendar });
                propertyCalendar = calendar.Name;
            }

            var facts = new SlaRequestFacts(type, null, urgency, tier);
            foreach (var item in SlaPlan.For(DefaultSlaPolicies.Set, facts, created, calendars, propertyCalendar))
            {
                var target = item.Clock.Target;
                output.WriteLine(
                    $"{Label(target.Kpi, type)}: {InstantArgument.Format(item.Clock.DueAt)} "
                    + $"({Duration(target.Duration)} on {target.CalendarName}; policy {item.Policy.Name}; warning {InstantArgument.Format(item.Clock.WarningAt)})");
            }

            return 0;
        }
        catch (DomainException ex)
        {
            return Fail(error, ex.Message);
        }
    }

    private static string Label(SlaKpi kpi, RequestType type) => kpi switch
    {
        SlaKpi.FirstResponse => "受理 first response",
        SlaKpi.Resolution => "解决 resolution",
        SlaKpi.OnSite when type == RequestType.Complaint => "初步处理 initial handling (on-site KPI)",
        SlaKpi.OnSite => "到场 on-site",
        _ => kpi.ToString(),
    };

    private static string Duration(TimeSpan duration) =>
        duration.TotalMinutes < 60 || duration.Minutes != 0 ? $"{(int)duration.TotalMinutes} min" : $"{(int)duration.TotalHours} h";

    /// <summary>Enum names case-insensitively, hyphens ignored ("key-custody" is KeyCustody); numbers are refused.</summary>
    private static bool TryParseEnum<T>(string text, out T value)
        where T : struct, Enum
    {
        var wanted = text.Replace("-", string.Empty).Trim();
        foreach (var name in Enum.GetNames(typeof(T)))
        {
            if (string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase))
            {
                value = (T)Enum.Parse(typeof(T), name);
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string Names<T>()
        where T : struct, Enum =>
        string.Join(
            ", ",
            Enum.GetNames(typeof(T)).Select(n => string.Concat(n.Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()))));

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return 2;
    }
}
