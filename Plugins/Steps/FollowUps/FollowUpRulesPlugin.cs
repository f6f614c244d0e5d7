using System.Linq;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.FollowUps;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.FollowUpTable.Columns;

namespace PropertyCrm.Plugins.Steps.FollowUps;

/// <summary>
/// 回访 rules on every save of a follow-up (<see cref="FollowUpRecording"/>), pre-operation; then, post-operation in the
/// same transaction, a 回访 that has just finished closes or reopens its request, opens a recovery case for a detractor
/// and awards the survey points (<see cref="FollowUpConsequences"/>). The rules decide on the 回访 read under its own row
/// lock (<see cref="FollowUpLock"/>), not on the pre-image a concurrent save may have made stale.
/// </summary>
public sealed class FollowUpRulesPlugin : PluginBase
{
    public const string PreImageAlias = "followup";

    public const string PostImageAlias = "finished";

    public static readonly StepDeclaration OnUpdate = new(
        typeof(FollowUpRulesPlugin),
        SdkMessageName.Update,
        FollowUpTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = CheckSave,
        FilteringAttributes = new[] { Columns.StatusCode, Columns.StateCode, Columns.Attempts }
            .Concat(FollowUpMapping.AnswerColumns).Concat(FollowUpRecording.CodeOwnedColumns).ToArray(),
        Images = new[] { new StepImage(PreImageAlias, ImageType.PreImage, FollowUpMapping.RecordColumns.Concat(new[] { Columns.ResolutionNumber }).ToArray()) { IsRequired = true } },
        Description = "Validates answers and attempts, completes or declares unreachable, stamps times and the detractor flag. / 校验回访答案与联系次数，完成或确认无法联系，记录时间与贬损者标记。",
    };

    public static readonly StepDeclaration OnFinished = new(
        typeof(FollowUpRulesPlugin),
        SdkMessageName.Update,
        FollowUpTable.LogicalName,
        PipelineStage.PostOperation,
        ExecutionMode.Synchronous)
    {
        Handler = ApplyConsequences,
        FilteringAttributes = new[] { Columns.StatusCode },
        Images = new[]
        {
            new StepImage(PreImageAlias, ImageType.PreImage, Columns.StatusCode) { IsRequired = true },
            new StepImage(PostImageAlias, ImageType.PostImage, FollowUpMapping.RecordColumns) { IsRequired = true },
        },
        Description = "A finished 回访 closes or reopens its request, opens a recovery case for a detractor, awards survey points. / 回访结束后关闭或返工报事，贬损者生成挽回，发放问卷积分。",
    };

    public FollowUpRulesPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void CheckSave(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var now = DataverseTime.Now(execution.OperationCreatedOn);
        var pre = FollowUpLock.LockAndRead(context.SystemService, execution, execution.PreEntityImages[PreImageAlias], now.UtcDateTime, new ColumnSet(OnUpdate.Images[0].Attributes.ToArray()));
        FollowUpRecording.OnUpdate(
            context.SystemService,
            pre,
            execution.GetRequiredTarget(),
            execution.InitiatingUserId,
            execution.IsDirectRequest(),
            now,
            context.Trace);
    }

    private static void ApplyConsequences(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        // The status before this save as read under the 回访's lock (the image may predate a concurrent save that finished it).
        var before = FollowUpMapping.ReadStatus(FollowUpLock.Before(execution, execution.PrimaryEntityId) ?? execution.PreEntityImages[PreImageAlias]);
        var post = execution.PostEntityImages[PostImageAlias];
        if (before != Domain.ServiceRequests.FollowUps.FollowUpStatus.Pending || FollowUpMapping.ReadStatus(post) == before)
        {
            return;
        }

        FollowUpConsequences.Apply(context.Scope, post, execution.InitiatingUserId);
    }
}
