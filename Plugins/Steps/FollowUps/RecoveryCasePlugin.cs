using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.ServiceRequests.FollowUps;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.RecoveryCaseTable.Columns;

namespace PropertyCrm.Plugins.Steps.FollowUps;

/// <summary>
/// 挽回: a recovery case closes (已关闭) only with an outcome (已挽回 / 未挽回), stamping closed on; a closed case keeps its
/// outcome; reopening it clears closed on. Pre-operation, no service calls.
/// </summary>
public sealed class RecoveryCasePlugin : PluginBase
{
    public const string PreImageAlias = "recovery";

    public static readonly StepDeclaration OnUpdate = new(
        typeof(RecoveryCasePlugin),
        SdkMessageName.Update,
        RecoveryCaseTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = CheckSave,
        FilteringAttributes = new[] { Columns.StatusCode, Columns.StateCode, Columns.Outcome },
        Images = new[] { new StepImage(PreImageAlias, ImageType.PreImage, Columns.StatusCode, Columns.Outcome) { IsRequired = true } },
        Description = "Closing a recovery case requires an outcome; stamps closed on. / 关闭挽回须填写结果，记录关闭时间。",
    };

    public RecoveryCasePlugin(string? unsecureConfiguration, string? secureConfiguration)
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
            ServiceLoopRules.EnsureRecoveryCanClose(after.GetAttributeValue<OptionSetValue>(Columns.Outcome) is not null);
        }

        if (closed && !wasClosed)
        {
            target[Columns.ClosedOn] = DataverseTime.Now(execution.OperationCreatedOn).UtcDateTime;
            target[Columns.StateCode] = new OptionSetValue(RecoveryCaseTable.States.Inactive);
        }
        else if (!closed && wasClosed)
        {
            target[Columns.ClosedOn] = null;
        }
    }

    private static bool IsClosed(Entity row) =>
        row.GetAttributeValue<OptionSetValue>(Columns.StatusCode)?.Value == RecoveryCaseTable.StatusReasons.Closed;
}
