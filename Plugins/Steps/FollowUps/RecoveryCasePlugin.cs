using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.ServiceRequests.FollowUps;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.RecoveryCaseTable.Columns;

namespace PropertyCrm.Plugins.Steps.FollowUps;

/// <summary>
/// 挽回: a recovery case closes (已关闭) only with an outcome (已挽回 / 未挽回), stamping closed on; a closed case keeps its
/// outcome; reopening it clears closed on. The escalation level and next escalation instant are the SLA sweep's: a direct
/// save may not change them, and a changed due time moves the next escalation instant
/// (<see cref="RecoveryEscalation.NextOnAfterDueChange"/>); a new case — the product's or one created by hand — enters the
/// index from its due time (<see cref="OnCreate"/>). Pre-operation, no service calls.
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
        FilteringAttributes = new[] { Columns.StatusCode, Columns.StateCode, Columns.Outcome, Columns.DueOn, Columns.EscalationLevel, Columns.NextEscalationOn },
        Images = new[]
        {
            new StepImage(PreImageAlias, ImageType.PreImage, Columns.StatusCode, Columns.Outcome, Columns.DueOn, Columns.EscalationLevel, Columns.NextEscalationOn) { IsRequired = true },
        },
        Description = "Closing a recovery case requires an outcome; stamps closed on. / 关闭挽回须填写结果，记录关闭时间。",
    };

    public static readonly StepDeclaration OnCreate = new(
        typeof(RecoveryCasePlugin),
        SdkMessageName.Create,
        RecoveryCaseTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = CheckCreate,
        Description = "Sets the SLA sweep's escalation index from the due time (24 hours from now when blank). / 按截止时间设置挽回的升级索引（未填时为 24 小时后）。",
    };

    /// <summary>The columns only the SLA sweep writes (a direct save that changes one is refused).</summary>
    private static readonly string[] SweepColumns = { Columns.EscalationLevel, Columns.NextEscalationOn };

    public RecoveryCasePlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    /// <summary>
    /// Every new case enters the sweep's index, not only those the product opens: a case an admin creates by hand gets
    /// the product's rule (due <see cref="FollowUpPolicy.RecoveryDueAfter"/> from now when left blank, 24x7) and its next
    /// escalation instant from the due time, so it climbs the ladder once overdue. A direct create may not set the sweep's
    /// columns (refused as on an update); the product's own create (depth 2) sets the same index, computed again here.
    /// </summary>
    private static void CheckCreate(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var target = execution.GetRequiredTarget();
        if (execution.IsDirectRequest())
        {
            RecoveryEscalation.RefuseDirectEdit(
                target.GetAttributeValue<OptionSetValue>(Columns.EscalationLevel) is not null || target.GetAttributeValue<DateTime?>(Columns.NextEscalationOn) is not null);
        }

        if (target.GetAttributeValue<DateTime?>(Columns.DueOn) is null)
        {
            var dueOn = FollowUpPolicy.RecoveryDueOn(DataverseTime.Now(execution.OperationCreatedOn));
            target[Columns.DueOn] = dueOn.UtcDateTime;
            context.Trace($"挽回 created without a due time: due {dueOn:o} (24 h, 24x7).");
        }

        target[Columns.NextEscalationOn] = RecoveryEscalation.NextOnAfterDueChange(
            DataverseTime.Instant(target, Columns.DueOn), OptionValues.Read<EscalationLevel>(target, Columns.EscalationLevel))?.UtcDateTime;
    }

    private static void CheckSave(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var target = execution.GetRequiredTarget();
        var after = execution.CoalesceTargetWithPreImage(PreImageAlias);
        var pre = execution.PreEntityImages[PreImageAlias];
        if (execution.IsDirectRequest())
        {
            RecoveryEscalation.RefuseDirectEdit(SweepColumns.Any(c => target.Contains(c) && !Equals(pre.Contains(c) ? pre[c] : null, target[c])));
        }

        if (target.Contains(Columns.DueOn) && !Equals(pre.GetAttributeValue<DateTime?>(Columns.DueOn), target.GetAttributeValue<DateTime?>(Columns.DueOn)))
        {
            // A new due time moves the sweep's index with it (the rungs already raised stay raised).
            target[Columns.NextEscalationOn] = RecoveryEscalation.NextOnAfterDueChange(
                DataverseTime.Instant(target, Columns.DueOn), OptionValues.Read<EscalationLevel>(pre, Columns.EscalationLevel))?.UtcDateTime;
        }

        var wasClosed = IsClosed(pre);
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
