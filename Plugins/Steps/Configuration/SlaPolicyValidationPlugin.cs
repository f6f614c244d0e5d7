using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.Sla;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.SlaPolicyTable.Columns;

namespace PropertyCrm.Plugins.Steps.Configuration;

/// <summary>
/// Checks an admin's SLA policy (SLA 策略) before it is saved, so a mistake is refused where it is made instead of being
/// left out later: the targets must be valid (positive whole minutes, warning 1–99%, level 2 before level 3), every
/// calendar it names must exist (built-in or an active calendar row), and no other active row of the same scope
/// (company-wide, or the same property) may have the same criteria. Clears this worker's cached SLA configuration.
/// Deactivating a row is always allowed. Admin path: up to two reads (calendars when the cache is cold, the duplicate
/// check).
/// </summary>
public sealed class SlaPolicyValidationPlugin : PluginBase
{
    public const string PreImageAlias = "policy";

    private const int Active = 0;

    private static readonly string[] PolicyColumns = SlaPolicyRowMapping.Columns.Where(c => c != SlaPolicyTable.PrimaryId).ToArray();

    public static readonly StepDeclaration OnCreate = new(
        typeof(SlaPolicyValidationPlugin),
        SdkMessageName.Create,
        SlaPolicyTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = ValidatePolicy,
        Description = "Validates the SLA policy (targets, calendars, unique criteria) and refreshes the SLA configuration cache. / 校验 SLA 策略(时限、日历、条件不重复)并刷新 SLA 配置缓存。",
    };

    public static readonly StepDeclaration OnUpdate = new(
        typeof(SlaPolicyValidationPlugin),
        SdkMessageName.Update,
        SlaPolicyTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = ValidatePolicy,
        FilteringAttributes = PolicyColumns.Concat(new[] { Columns.StateCode }).ToArray(),
        Images = new[] { new StepImage(PreImageAlias, ImageType.PreImage, PolicyColumns.Concat(new[] { Columns.StateCode }).ToArray()) },
        Description = "Validates the SLA policy when it changes and refreshes the SLA configuration cache. / SLA 策略变更时校验并刷新 SLA 配置缓存。",
    };

    public SlaPolicyValidationPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void ValidatePolicy(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        SlaConfigurationCache.Invalidate(execution.OrganizationId);

        var row = execution.CoalesceTargetWithPreImage(PreImageAlias);
        if (row.GetAttributeValue<OptionSetValue>(Columns.StateCode)?.Value is int state && state != Active)
        {
            return;
        }

        var policy = SlaPolicyRowMapping.Read(row.Id, column => row.Contains(column) ? row[column] : null);
        var calendars = SlaConfigurationCache.GetCalendars(context.PluginUserService, execution.OrganizationId, execution.OperationCreatedOn, context.Trace);
        foreach (var target in policy.Policy.Targets)
        {
            calendars.Get(target.CalendarName);
        }

        var twin = FindSameCriteria(context.PluginUserService, row, policy);
        if (twin is not null)
        {
            var scope = policy.PropertyId is null ? new[] { "全公司", "company-wide" } : new[] { "同一项目", "for the same property" };
            throw new DomainException(
                SlaErrorCodes.DuplicatePolicy,
                $"已有{scope[0]}的 SLA 策略 '{twin}' 使用相同的适用条件({policy.Policy.CriteriaKey}),请修改该策略而不是新增 / "
                + $"SLA policy '{twin}' {scope[1]} already has the same criteria ({policy.Policy.CriteriaKey}); change that policy instead.");
        }
    }

    private static string? FindSameCriteria(IOrganizationService service, Entity row, SlaPolicyRow policy)
    {
        var query = new QueryExpression(SlaPolicyTable.LogicalName) { ColumnSet = new ColumnSet(Columns.Name), TopCount = 1 };
        query.Criteria.AddCondition(Columns.StateCode, ConditionOperator.Equal, Active);
        if (row.Id != Guid.Empty)
        {
            query.Criteria.AddCondition(SlaPolicyTable.PrimaryId, ConditionOperator.NotEqual, row.Id);
        }

        Same(query, Columns.Property, policy.PropertyId);
        Same(query, Columns.RequestType, Option(policy.Policy.RequestType));
        Same(query, Columns.ServiceLine, Option(policy.Policy.ServiceLine));
        Same(query, Columns.Urgency, Option(policy.Policy.Urgency));
        Same(query, Columns.OwnerTier, policy.Policy.OwnerTier);
        var found = service.RetrieveMultiple(query).Entities.FirstOrDefault();
        return found?.GetAttributeValue<string>(Columns.Name) ?? found?.Id.ToString();
    }

    private static void Same(QueryExpression query, string column, object? value)
    {
        if (value is null)
        {
            query.Criteria.AddCondition(column, ConditionOperator.Null);
        }
        else
        {
            query.Criteria.AddCondition(column, ConditionOperator.Equal, value);
        }
    }

    private static object? Option<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value.HasValue ? OptionValues.ToOption(value.Value).Value : null;
}
