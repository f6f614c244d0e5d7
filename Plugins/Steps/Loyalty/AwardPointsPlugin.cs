using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Loyalty;

/// <summary>
/// Custom API <c>pcrm_AwardPoints</c> (action, global): awards an owner the points of an activity rule (community
/// event, survey, suggestion adopted, referral, first APP use) for one source record, at most once per (rule, source) —
/// calling it twice returns the first entry with AlreadyApplied. For Power Automate ("Perform an unbound action").
/// Refuses unknown, unconfigured or switched-off rules and the fee payment rule; there is no rule for service requests.
/// Logic: <see cref="LoyaltyService.Award"/>. Budget (warm): reads contact, ledger, bills; writes entry,
/// contact, history on a tier change.
/// </summary>
public sealed class AwardPointsPlugin : PluginBase
{
    public const string ApiName = "pcrm_AwardPoints";
    public const string ContactParameter = "Contact";
    public const string RuleParameter = "Rule";
    public const string SourceIdParameter = "SourceId";
    public const string EntryIdOutput = "EntryId";
    public const string AlreadyAppliedOutput = "AlreadyApplied";
    public const string PointsOutput = "Points";
    public const string BalanceOutput = "Balance";
    public const string MessageOutput = "Message";

    public static readonly CustomApiDeclaration Api = new(
        ApiName,
        typeof(AwardPointsPlugin),
        new LocalizedText("发放积分", "Award points"),
        new LocalizedText(
            "按积分规则为业主发放活动积分(社区活动、问卷、建议采纳、推荐、首次使用 APP),同一规则同一来源只发一次;报事报修不计积分。",
            "Awards an owner the points of an activity rule (community event, survey, adopted suggestion, referral, first APP use), once per rule and source; service requests earn nothing."))
    {
        Handler = Award,
        BindingType = CustomApiBindingType.Global,
        AllowedCustomProcessingStepType = CustomApiProcessingStepType.None,
        ExecutePrivilegeName = Privileges.PostPoints,
        RequestParameters = new[]
        {
            new CustomApiField(
                ContactParameter,
                CustomApiFieldType.EntityReference,
                new LocalizedText("业主", "Owner"),
                new LocalizedText("获得积分的业主(联系人)。", "The owner (contact) who earns the points."))
            {
                LogicalEntityName = ContactTable.LogicalName,
            },
            new CustomApiField(
                RuleParameter,
                CustomApiFieldType.Picklist,
                new LocalizedText("积分规则", "Rule"),
                new LocalizedText("积分规则选项值(pcrm_earnrule),不可为按时缴费。", "The earn rule option (pcrm_earnrule); not the on-time fee payment rule.")),
            new CustomApiField(
                SourceIdParameter,
                CustomApiFieldType.String,
                new LocalizedText("来源编号", "Source id"),
                new LocalizedText("来源记录编号(活动报名、问卷、建议等),用于防止重复发放。", "The source record id (event attendance, survey, suggestion…); an award is made once per rule and source."))
            {
                MaxLength = PointsEntryTable.MaxLengths.SourceId,
            },
        },
        ResponseProperties = new[]
        {
            new CustomApiField(
                EntryIdOutput,
                CustomApiFieldType.Guid,
                new LocalizedText("积分流水", "Entry"),
                new LocalizedText("新建或已有的积分流水编号;未发放时为空 GUID。", "The new or existing ledger entry id; empty GUID when nothing was awarded.")),
            new CustomApiField(
                AlreadyAppliedOutput,
                CustomApiFieldType.Boolean,
                new LocalizedText("已发放过", "Already applied"),
                new LocalizedText("该规则与来源此前已发放。", "The rule was already awarded for this source.")),
            new CustomApiField(
                PointsOutput,
                CustomApiFieldType.Integer,
                new LocalizedText("本次积分", "Points"),
                new LocalizedText("本次发放的积分(达到月上限时为 0)。", "Points awarded now (0 when the monthly cap is reached).")),
            new CustomApiField(BalanceOutput, CustomApiFieldType.Integer, new LocalizedText("积分余额", "Balance"), new LocalizedText("发放后的积分余额。", "The balance afterwards.")),
            new CustomApiField(
                MessageOutput,
                CustomApiFieldType.String,
                new LocalizedText("说明", "Message"),
                new LocalizedText("结果说明(中文 / English)。", "What happened (Chinese / English).")),
        },
    };

    public AwardPointsPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void Award(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var request = new ActivityAward(
            execution.GetRequiredInput<EntityReference>(ContactParameter).Id,
            execution.GetRequiredInput<OptionSetValue>(RuleParameter).Value,
            execution.GetRequiredInput<string>(SourceIdParameter));
        var outcome = new LoyaltyService(context.Scope).Award(request);
        execution.OutputParameters[EntryIdOutput] = outcome.EntryId ?? Guid.Empty;
        execution.OutputParameters[AlreadyAppliedOutput] = outcome.AlreadyApplied;
        execution.OutputParameters[PointsOutput] = outcome.Result.Points;
        execution.OutputParameters[BalanceOutput] = outcome.Balance;
        execution.OutputParameters[MessageOutput] = outcome.Result.Reason;
    }
}
