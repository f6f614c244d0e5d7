using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.ServiceRequests.Dispatch;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.DispatchRuleTable.Columns;

namespace PropertyCrm.Plugins.Steps.Configuration;

/// <summary>
/// Checks an admin's dispatch rule (派工规则) before it is saved (<see cref="DispatchRuleValidator"/>): exactly one of user
/// and team, and no other active rule with the same property and service line. Pre-operation; on Update the target is
/// merged with the pre-image. The system's own writes on a rule (last assignee, last dispatched on) are not filtered, so
/// round-robin dispatch never runs it. Calls: at most one read (the duplicate query, as SYSTEM so every rule is seen).
/// </summary>
public sealed class DispatchRuleValidationPlugin : PluginBase
{
    public const string PreImageAlias = "rule";

    private const int Active = 0;

    private static readonly string[] CheckedColumns =
    {
        Columns.Name, Columns.Property, Columns.ServiceLine, Columns.Technician, Columns.Team, Columns.StateCode,
    };

    public static readonly StepDeclaration OnCreate = new(
        typeof(DispatchRuleValidationPlugin),
        SdkMessageName.Create,
        DispatchRuleTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = ValidateRule,
        Description = "Validates the dispatch rule (one user or team, unique criteria). / 校验派工规则(人员或团队二选一、条件不重复)。",
    };

    public static readonly StepDeclaration OnUpdate = new(
        typeof(DispatchRuleValidationPlugin),
        SdkMessageName.Update,
        DispatchRuleTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = ValidateRule,
        FilteringAttributes = CheckedColumns,
        Images = new[] { new StepImage(PreImageAlias, ImageType.PreImage, CheckedColumns) { IsRequired = true } },
        Description = "Validates the dispatch rule when it changes. / 派工规则变更时校验。",
    };

    public DispatchRuleValidationPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void ValidateRule(ILocalPluginContext context)
    {
        var row = context.PluginExecutionContext.CoalesceTargetWithPreImage(PreImageAlias);
        var rule = Read(row);
        var mayClash = rule.Active && rule.UserId.HasValue != rule.TeamId.HasValue;
        var others = mayClash ? SameCriteria(context.SystemService, rule).Select(Read).ToList() : Enumerable.Empty<DispatchRuleDraft>();
        DispatchRuleValidator.Validate(rule, others);
    }

    /// <summary>The first other active rule with exactly the criteria of <paramref name="rule"/> (blank = blank): one read.</summary>
    private static DataCollection<Entity> SameCriteria(IOrganizationService service, DispatchRuleDraft rule)
    {
        var query = new QueryExpression(DispatchRuleTable.LogicalName)
        {
            ColumnSet = new ColumnSet(CheckedColumns),
            TopCount = 1,
            NoLock = true,
        };
        query.Criteria.AddCondition(Columns.StateCode, ConditionOperator.Equal, Active);
        if (rule.Id != Guid.Empty)
        {
            query.Criteria.AddCondition(DispatchRuleTable.PrimaryId, ConditionOperator.NotEqual, rule.Id);
        }

        Same(query, Columns.Property, rule.PropertyId);
        Same(query, Columns.ServiceLine, rule.ServiceLine);
        return service.RetrieveMultiple(query).Entities;
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

    private static DispatchRuleDraft Read(Entity row) =>
        new(
            row.Id,
            row.GetAttributeValue<string>(Columns.Name),
            row.GetAttributeValue<EntityReference>(Columns.Property)?.Id,
            row.GetAttributeValue<OptionSetValue>(Columns.ServiceLine)?.Value,
            row.GetAttributeValue<EntityReference>(Columns.Technician)?.Id,
            row.GetAttributeValue<EntityReference>(Columns.Team)?.Id,
            (row.GetAttributeValue<OptionSetValue>(Columns.StateCode)?.Value ?? Active) == Active);
}
