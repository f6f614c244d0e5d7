using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Collection;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.RetentionCaseTable.Columns;

namespace PropertyCrm.Plugins.Steps.Collection;

/// <summary>
/// 挽留: a retention case closes (已关闭) only with an outcome (已挽留 / 已流失), stamping closed on; a closed case keeps its
/// outcome; reopening it clears closed on. Pre-operation, no service calls.
/// </summary>
public sealed class RetentionCasePlugin : PluginBase
{
    public const string PreImageAlias = "retention";

    public static readonly StepDeclaration OnUpdate = new(
        typeof(RetentionCasePlugin),
        SdkMessageName.Update,
        RetentionCaseTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = CheckSave,
        FilteringAttributes = new[] { Columns.StatusCode, Columns.StateCode, Columns.Outcome },
        Images = new[] { new StepImage(PreImageAlias, ImageType.PreImage, Columns.StatusCode, Columns.Outcome) { IsRequired = true } },
        Description = "Closing a retention case requires an outcome; stamps closed on. / 关闭挽留案例须填写结果，记录关闭时间。",
    };

    public RetentionCasePlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void CheckSave(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var target = execution.GetRequiredTarget();
        var after = execution.CoalesceTargetWithPreImage(PreImageAlias);
        var wasClosed = IsClosed(execution.PreEntityImages[PreImageAlias]);
        var closed = IsClosed(after);
        if (closed)
        {
            RetentionCaseRules.EnsureCanClose(after.GetAttributeValue<OptionSetValue>(Columns.Outcome) is not null);
        }

        if (closed && !wasClosed)
        {
            target[Columns.ClosedOn] = DataverseTime.Now(execution.OperationCreatedOn).UtcDateTime;
            target[Columns.StateCode] = new OptionSetValue(RetentionCaseTable.States.Inactive);
        }
        else if (!closed && wasClosed)
        {
            target[Columns.ClosedOn] = null;
        }
    }

    private static bool IsClosed(Entity row) =>
        row.GetAttributeValue<OptionSetValue>(Columns.StatusCode)?.Value == RetentionCaseTable.StatusReasons.Closed;
}
