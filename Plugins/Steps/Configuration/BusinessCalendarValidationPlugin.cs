using System.Globalization;
using System.Linq;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.Sla;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.BusinessCalendarTable.Columns;

namespace PropertyCrm.Plugins.Steps.Configuration;

/// <summary>
/// Checks an admin's business calendar (工作日历) before it is saved: the JSON definition must parse
/// (<see cref="Domain.Calendars.Serialization.CalendarJson"/>; the parser's bilingual message, with line and column, is
/// shown), its "name" must be the row's name (a blank row name takes it), and a row named like a built-in calendar may
/// only add or replace years (<see cref="CalendarLayering"/>). Fills years covered (覆盖年份) from the definition and
/// clears this worker's cached SLA configuration so the change applies at once here (other workers within
/// <see cref="SlaConfigurationCache.Lifetime"/>). Reads nothing: the pre-image brings the column the update leaves alone.
/// </summary>
public sealed class BusinessCalendarValidationPlugin : PluginBase
{
    public const string PreImageAlias = "calendar";

    /// <summary>What years covered says for a calendar that ignores public holidays (24×7).</summary>
    public const string AllYears = "不限年份 / all years";

    private static readonly string[] DefinitionColumns = { Columns.Name, Columns.Definition };

    public static readonly StepDeclaration OnCreate = new(
        typeof(BusinessCalendarValidationPlugin),
        SdkMessageName.Create,
        BusinessCalendarTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = ValidateCalendar,
        Description = "Validates the calendar JSON, fills the years covered, refreshes the SLA configuration cache. / 校验日历 JSON,填写覆盖年份,刷新 SLA 配置缓存。",
    };

    public static readonly StepDeclaration OnUpdate = new(
        typeof(BusinessCalendarValidationPlugin),
        SdkMessageName.Update,
        BusinessCalendarTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = ValidateCalendar,
        FilteringAttributes = new[] { Columns.Name, Columns.Definition, Columns.StateCode },
        Images = new[] { new StepImage(PreImageAlias, ImageType.PreImage, DefinitionColumns) },
        Description = "Validates the calendar JSON when it changes, fills the years covered, refreshes the SLA configuration cache. / 日历 JSON 变更时校验,填写覆盖年份,刷新 SLA 配置缓存。",
    };

    public BusinessCalendarValidationPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void ValidateCalendar(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var target = execution.GetRequiredTarget();

        // Whatever else happens (a deactivation, a rename), this worker must not keep serving the old calendar.
        SlaConfigurationCache.Invalidate(execution.OrganizationId);
        if (!DefinitionColumns.Any(target.Contains))
        {
            return;
        }

        var row = execution.CoalesceTargetWithPreImage(PreImageAlias);
        var calendar = BusinessCalendarRowMapping.Parse(row.GetAttributeValue<string>(Columns.Name), row.GetAttributeValue<string>(Columns.Definition));
        CalendarLayering.Compose(BuiltInCalendars.Catalog, new[] { calendar });

        if (string.IsNullOrWhiteSpace(row.GetAttributeValue<string>(Columns.Name)))
        {
            // The name is what policies and requests refer to: refused, never cut, when the JSON's is too long.
            target[Columns.Name] = TextLimits.RequireAtMost(calendar.Name, BusinessCalendarTable.MaxLengths.Name, "name 名称");
        }

        target[Columns.YearsCovered] = ColumnText.Fit(
            calendar.ObservesPublicHolidays ? string.Join(", ", calendar.CoveredYears.Select(y => y.ToString(CultureInfo.InvariantCulture))) : AllYears,
            BusinessCalendarTable.MaxLengths.YearsCovered);
        context.Trace($"Calendar '{calendar.Name}' valid; years covered: {target[Columns.YearsCovered]}.");
    }
}
