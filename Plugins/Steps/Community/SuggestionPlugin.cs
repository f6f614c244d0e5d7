using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Community;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.OptionSets;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Community;

/// <summary>
/// Suggestions (建议). Pre-operation Create: a blank status is 已收到 Received and the answer is due 5 working days later
/// on <c>cn-workdays</c> (the SLA calendars: public holidays and 调休 count; 1 read on a cold cache). Pre-operation Update
/// (and Create): the status change must follow <see cref="SuggestionRules"/> (answering, adopting and declining need the
/// answer; a decision is final); the first answer stamps <c>pcrm_answeredon</c>, a decision <c>pcrm_decidedon</c>.
/// Post-operation: adoption awards the SuggestionAdopted points through the loyalty service, once per suggestion (ledger
/// key on rule + source "suggestion:{id}"; the rule's monthly cap applies).
/// </summary>
public sealed class SuggestionPlugin : PluginBase
{
    public const string ImageAlias = "suggestion";
    public const string SourcePrefix = "suggestion:";
    public const string AnswerCalendar = "cn-workdays";

    /// <summary>One working day on cn-workdays is 9 hours (09:00–18:00).</summary>
    public const int WorkingMinutesPerDay = 9 * 60;

    private static readonly string[] ImageColumns = { SuggestionTable.Columns.Status, SuggestionTable.Columns.Answer, SuggestionTable.Columns.Contact };

    public static readonly StepDeclaration OnCreate = new(typeof(SuggestionPlugin), SdkMessageName.Create, SuggestionTable.LogicalName, PipelineStage.PreOperation, ExecutionMode.Synchronous)
    {
        Handler = Check,
        Description = "Sets the answer due date and checks the status. / 设置答复期限并校验状态。",
    };

    public static readonly StepDeclaration OnUpdate = new(typeof(SuggestionPlugin), SdkMessageName.Update, SuggestionTable.LogicalName, PipelineStage.PreOperation, ExecutionMode.Synchronous)
    {
        Handler = Check,
        FilteringAttributes = new[] { SuggestionTable.Columns.Status, SuggestionTable.Columns.Answer },
        Images = new[] { new StepImage(ImageAlias, ImageType.PreImage, ImageColumns) { IsRequired = true } },
        Description = "Checks the status change and stamps answer and decision times. / 校验状态变更并记录答复与决定时间。",
    };

    public static readonly StepDeclaration OnCreatePost = new(typeof(SuggestionPlugin), SdkMessageName.Create, SuggestionTable.LogicalName, PipelineStage.PostOperation, ExecutionMode.Synchronous)
    {
        Handler = AwardAdoption,
        Images = new[] { new StepImage(ImageAlias, ImageType.PostImage, ImageColumns) { IsRequired = true } },
        Description = "Awards the suggestion points on adoption. / 建议被采纳时发放积分。",
    };

    public static readonly StepDeclaration OnUpdatePost = new(typeof(SuggestionPlugin), SdkMessageName.Update, SuggestionTable.LogicalName, PipelineStage.PostOperation, ExecutionMode.Synchronous)
    {
        Handler = AwardAdoption,
        FilteringAttributes = new[] { SuggestionTable.Columns.Status },
        Images = new[] { new StepImage(ImageAlias, ImageType.PostImage, ImageColumns) { IsRequired = true } },
        Description = "Awards the suggestion points on adoption. / 建议被采纳时发放积分。",
    };

    public SuggestionPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void Check(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var target = execution.GetRequiredTarget();
        var before = execution.GetPreImage(ImageAlias);
        if (before is null)
        {
            if (!target.Contains(SuggestionTable.Columns.Status))
            {
                target[SuggestionTable.Columns.Status] = new OptionSetValue(SuggestionStatus.Received);
            }

            target[SuggestionTable.Columns.AnswerDue] = new WorkingTimeService(context.Scope).AddWorkingMinutes(
                new WorkingTimeRequest(execution.OperationCreatedOn, SuggestionRules.AnswerWithinWorkingDays * WorkingMinutesPerDay, AnswerCalendar));
        }

        var row = execution.CoalesceTargetWithPreImage(ImageAlias);
        var from = OptionValues.Read<SuggestionState>(before, SuggestionTable.Columns.Status);
        var to = OptionValues.Read<SuggestionState>(row, SuggestionTable.Columns.Status) ?? SuggestionState.Received;
        SuggestionRules.Check(from, to, row.GetAttributeValue<string>(SuggestionTable.Columns.Answer));
        if (SuggestionRules.IsFirstAnswer(from, to))
        {
            target[SuggestionTable.Columns.AnsweredOn] = execution.OperationCreatedOn;
        }

        if (SuggestionRules.IsDecision(from, to))
        {
            target[SuggestionTable.Columns.DecidedOn] = execution.OperationCreatedOn;
        }
    }

    private static void AwardAdoption(ILocalPluginContext context)
    {
        var row = context.PluginExecutionContext.PostEntityImages[ImageAlias];
        if (OptionValues.Read<SuggestionState>(row, SuggestionTable.Columns.Status) != SuggestionState.Adopted
            || row.GetAttributeValue<EntityReference>(SuggestionTable.Columns.Contact)?.Id is not Guid owner)
        {
            return;
        }

        var outcome = new LoyaltyService(context.Scope).Award(new ActivityAward(owner, EarnRule.SuggestionAdopted, SourcePrefix + row.Id.ToString("D")));
        context.Trace($"Suggestion {row.Id} adopted: {outcome.Result.Points} points, already applied {outcome.AlreadyApplied}.");
    }
}
