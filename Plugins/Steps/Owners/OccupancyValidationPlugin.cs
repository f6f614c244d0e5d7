using System;
using PropertyCrm.Domain.Owners;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Owners;

/// <summary>
/// Refuses an occupancy (owner/tenant ↔ unit) whose end date is before its start date, on create and
/// whenever either date changes. Reads nothing: the pre-image supplies the date the request leaves alone.
/// </summary>
public sealed class OccupancyValidationPlugin : PluginBase
{
    public const string PreImageAlias = "period";

    private static readonly string[] PeriodColumns = { OccupancyTable.Columns.StartDate, OccupancyTable.Columns.EndDate };

    public static readonly StepDeclaration OnCreate = new(
        typeof(OccupancyValidationPlugin),
        SdkMessageName.Create,
        OccupancyTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = ValidatePeriod,
        Description = "Validates the occupancy period. / 校验入住期间。",
    };

    public static readonly StepDeclaration OnUpdate = new(
        typeof(OccupancyValidationPlugin),
        SdkMessageName.Update,
        OccupancyTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = ValidatePeriod,
        FilteringAttributes = PeriodColumns,
        Images = new[] { new StepImage(PreImageAlias, ImageType.PreImage, PeriodColumns) },
        Description = "Validates the occupancy period when its dates change. / 日期变更时校验入住期间。",
    };

    public OccupancyValidationPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void ValidatePeriod(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var row = execution.CoalesceTargetWithPreImage(PreImageAlias);
        new OccupancyPeriod(
            row.GetAttributeValue<DateTime?>(OccupancyTable.Columns.StartDate),
            row.GetAttributeValue<DateTime?>(OccupancyTable.Columns.EndDate)).Validate();
    }
}
