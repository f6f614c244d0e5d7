using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Mapping;

/// <summary>One admin SLA policy row: the policy and the property it is limited to (null = company-wide).</summary>
public sealed class SlaPolicyRow
{
    public SlaPolicyRow(Guid id, Guid? propertyId, SlaPolicy policy)
    {
        Id = id;
        PropertyId = propertyId;
        Policy = Guard.NotNull(policy, nameof(policy));
    }

    public Guid Id { get; }

    public Guid? PropertyId { get; }

    public SlaPolicy Policy { get; }
}

/// <summary>
/// Maps a <c>pcrm_slapolicy</c> row to an <see cref="SlaPolicy"/>. Blank criteria match anything; a KPI whose minutes
/// are blank is not defined by the row (see <see cref="SlaPolicyLayering"/>); a blank calendar means cn-workdays;
/// blank warning = 75%; blank escalation offsets = half / the whole target after the breach.
/// </summary>
public static class SlaPolicyRowMapping
{
    /// <summary>Each KPI a policy row may override, with its minutes and calendar columns (no ValueTuple on net462).</summary>
    private static readonly TargetColumn[] TargetColumns =
    {
        new(SlaKpi.FirstResponse, SlaPolicyTable.Columns.FirstResponseMinutes, SlaPolicyTable.Columns.FirstResponseCalendar),
        new(SlaKpi.Resolution, SlaPolicyTable.Columns.ResolutionMinutes, SlaPolicyTable.Columns.ResolutionCalendar),
        new(SlaKpi.OnSite, SlaPolicyTable.Columns.OnSiteMinutes, SlaPolicyTable.Columns.OnSiteCalendar),
    };

    /// <summary>The columns <see cref="Read(Entity)"/> uses, for queries.</summary>
    public static IReadOnlyList<string> Columns { get; } = new[]
    {
        SlaPolicyTable.PrimaryId,
        SlaPolicyTable.Columns.Name,
        SlaPolicyTable.Columns.Property,
        SlaPolicyTable.Columns.RequestType,
        SlaPolicyTable.Columns.ServiceLine,
        SlaPolicyTable.Columns.Urgency,
        SlaPolicyTable.Columns.OwnerTier,
        SlaPolicyTable.Columns.FirstResponseMinutes,
        SlaPolicyTable.Columns.FirstResponseCalendar,
        SlaPolicyTable.Columns.ResolutionMinutes,
        SlaPolicyTable.Columns.ResolutionCalendar,
        SlaPolicyTable.Columns.OnSiteMinutes,
        SlaPolicyTable.Columns.OnSiteCalendar,
        SlaPolicyTable.Columns.WarningPercent,
        SlaPolicyTable.Columns.Level2AfterMinutes,
        SlaPolicyTable.Columns.Level3AfterMinutes,
    };

    /// <summary>
    /// Reads one row. <paramref name="value"/> returns a column's value (plain, or unwrapped from a link-entity alias),
    /// null when absent.
    /// </summary>
    /// <exception cref="DomainException">The row's values do not make a valid policy (message names the row).</exception>
    public static SlaPolicyRow Read(Guid id, Func<string, object?> value)
    {
        Guard.NotNull(value, nameof(value));

        var name = value(SlaPolicyTable.Columns.Name) as string;
        try
        {
            var warning = value(SlaPolicyTable.Columns.WarningPercent) as int? ?? SlaTarget.DefaultWarningPercent;
            var level2 = value(SlaPolicyTable.Columns.Level2AfterMinutes) as int?;
            var level3 = value(SlaPolicyTable.Columns.Level3AfterMinutes) as int?;
            var targets = new List<SlaTarget>();
            foreach (var column in TargetColumns)
            {
                AddTarget(targets, column.Kpi, value(column.Minutes) as int?, value(column.Calendar) as string, warning, level2, level3);
            }

            var policy = new SlaPolicy(
                string.IsNullOrWhiteSpace(name) ? id.ToString() : name!,
                targets,
                OptionValues.ToEnum<RequestType>(value(SlaPolicyTable.Columns.RequestType) as OptionSetValue),
                OptionValues.ToEnum<ServiceLine>(value(SlaPolicyTable.Columns.ServiceLine) as OptionSetValue),
                OptionValues.ToEnum<Urgency>(value(SlaPolicyTable.Columns.Urgency) as OptionSetValue),
                value(SlaPolicyTable.Columns.OwnerTier) as string);
            var property = value(SlaPolicyTable.Columns.Property) as EntityReference;
            return new SlaPolicyRow(id, property?.Id, policy);
        }
        catch (DomainException ex)
        {
            throw new DomainException(ex.Code, $"SLA 策略 '{name ?? id.ToString()}' 配置无效 / SLA policy '{name ?? id.ToString()}' is invalid: {ex.Message}");
        }
    }

    /// <summary>Reads a row retrieved from <c>pcrm_slapolicy</c> itself.</summary>
    public static SlaPolicyRow Read(Entity row)
    {
        Guard.NotNull(row, nameof(row));

        return Read(row.Id, column => row.Contains(column) ? row[column] : null);
    }

    private static void AddTarget(List<SlaTarget> targets, SlaKpi kpi, int? minutes, string? calendar, int warning, int? level2, int? level3)
    {
        if (minutes is null)
        {
            return;
        }

        var duration = TimeSpan.FromMinutes(minutes.Value);
        var ladder = minutes.Value > 0 && (level2.HasValue || level3.HasValue)
            ? new EscalationLadder(
                level2.HasValue ? TimeSpan.FromMinutes(level2.Value) : TimeSpan.FromTicks(duration.Ticks / 2),
                level3.HasValue ? TimeSpan.FromMinutes(level3.Value) : duration)
            : null;
        targets.Add(new SlaTarget(kpi, duration, string.IsNullOrWhiteSpace(calendar) ? BuiltInCalendars.ChinaWorkdaysName : calendar!, warning, ladder));
    }

    private sealed record TargetColumn(SlaKpi Kpi, string Minutes, string Calendar);
}
