using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.FollowUps;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.FollowUps;

/// <summary>
/// Custom API <c>pcrm_RecordFollowUp</c> (action, global, for Power Automate, the WeChat mini-program and IVR bots): records a
/// 回访 — answers (a verification completes it), or a failed attempt, optionally declaring the owner unreachable — by
/// updating it as the caller, so the 回访 rules and consequences run exactly as for the form. Execute privilege
/// <see cref="Privileges.RecordFollowUp"/>. Logic: <see cref="FollowUpService.Record"/>.
/// </summary>
public sealed class RecordFollowUpPlugin : PluginBase
{
    public const string ApiName = "pcrm_RecordFollowUp";
    public const string FollowUpParameter = "FollowUp";
    public const string ServiceRequestParameter = "ServiceRequest";
    public const string VerificationParameter = "Verification";
    public const string SatisfactionParameter = "Satisfaction";
    public const string NpsParameter = "Nps";
    public const string ReliabilityParameter = "Reliability";
    public const string ResponsivenessParameter = "Responsiveness";
    public const string AssuranceParameter = "Assurance";
    public const string EmpathyParameter = "Empathy";
    public const string TangiblesParameter = "Tangibles";
    public const string CommentParameter = "Comment";
    public const string ChannelParameter = "Channel";
    public const string AttemptFailedParameter = "AttemptFailed";
    public const string DeclareUnreachableParameter = "DeclareUnreachable";
    public const string FollowUpIdOutput = "FollowUpId";
    public const string StatusOutput = "Status";
    public const string MessageOutput = "Message";

    public static readonly CustomApiDeclaration Api = new(
        ApiName,
        typeof(RecordFollowUpPlugin),
        new LocalizedText("记录回访", "Record follow-up"),
        new LocalizedText(
            "记录报事解决后的回访:先核实是否解决,再记录满意度、NPS、SERVQUAL 与意见(核实后即完成);或记录一次未联系上,满 3 次且相隔 48 小时后可确认无法联系。",
            "Records the follow-up of a resolved request: verification first, then satisfaction, NPS, SERVQUAL and comment (a verification completes it); or a failed attempt, and after 3 attempts over 48 hours the owner may be declared unreachable."))
    {
        Handler = Record,
        BindingType = CustomApiBindingType.Global,
        AllowedCustomProcessingStepType = CustomApiProcessingStepType.None,
        ExecutePrivilegeName = Privileges.RecordFollowUp,
        RequestParameters = new[]
        {
            Optional(new CustomApiField(FollowUpParameter, CustomApiFieldType.EntityReference, new LocalizedText("回访", "Follow-up"), new LocalizedText("要记录的回访;为空时用报事的最近回访。", "The follow-up; blank: the request's latest follow-up.")) { LogicalEntityName = FollowUpTable.LogicalName }),
            Optional(new CustomApiField(ServiceRequestParameter, CustomApiFieldType.EntityReference, new LocalizedText("报事报修", "Service request"), new LocalizedText("未指定回访时,记录该报事最近一次解决的回访。", "When no follow-up is named: the follow-up of the request's latest resolution.")) { LogicalEntityName = ServiceRequestTable.LogicalName }),
            Optional(new CustomApiField(VerificationParameter, CustomApiFieldType.Picklist, new LocalizedText("问题是否解决", "Verification"), new LocalizedText("pcrm_fixverification:已解决、未解决、部分解决;填写即完成回访。", "pcrm_fixverification: fixed, not fixed, partly fixed; giving it completes the follow-up."))),
            Optional(new CustomApiField(SatisfactionParameter, CustomApiFieldType.Picklist, new LocalizedText("满意度", "Satisfaction"), new LocalizedText("pcrm_satisfaction,五级。", "pcrm_satisfaction, five levels."))),
            Optional(new CustomApiField(NpsParameter, CustomApiFieldType.Integer, new LocalizedText("推荐意愿(NPS)", "NPS"), new LocalizedText("0–10。", "0–10."))),
            Optional(new CustomApiField(ReliabilityParameter, CustomApiFieldType.Integer, new LocalizedText("可靠性", "Reliability"), new LocalizedText("SERVQUAL 1–5,选填。", "SERVQUAL 1–5, optional."))),
            Optional(new CustomApiField(ResponsivenessParameter, CustomApiFieldType.Integer, new LocalizedText("响应性", "Responsiveness"), new LocalizedText("SERVQUAL 1–5,选填。", "SERVQUAL 1–5, optional."))),
            Optional(new CustomApiField(AssuranceParameter, CustomApiFieldType.Integer, new LocalizedText("保证性", "Assurance"), new LocalizedText("SERVQUAL 1–5,选填。", "SERVQUAL 1–5, optional."))),
            Optional(new CustomApiField(EmpathyParameter, CustomApiFieldType.Integer, new LocalizedText("移情性", "Empathy"), new LocalizedText("SERVQUAL 1–5,选填。", "SERVQUAL 1–5, optional."))),
            Optional(new CustomApiField(TangiblesParameter, CustomApiFieldType.Integer, new LocalizedText("有形性", "Tangibles"), new LocalizedText("SERVQUAL 1–5,选填。", "SERVQUAL 1–5, optional."))),
            Optional(new CustomApiField(CommentParameter, CustomApiFieldType.String, new LocalizedText("业主意见", "Comment"), new LocalizedText("业主的意见与建议。", "What the owner said.")) { MaxLength = FollowUpTable.MaxLengths.Comment }),
            Optional(new CustomApiField(ChannelParameter, CustomApiFieldType.Picklist, new LocalizedText("回访方式", "Channel"), new LocalizedText("pcrm_followupchannel:电话、上门、微信、短信。", "pcrm_followupchannel: phone, visit, WeChat, SMS."))),
            Optional(new CustomApiField(AttemptFailedParameter, CustomApiFieldType.Boolean, new LocalizedText("未联系上", "Attempt failed"), new LocalizedText("本次未联系上业主:联系次数加 1。", "The owner was not reached this time: one more attempt."))),
            Optional(new CustomApiField(DeclareUnreachableParameter, CustomApiFieldType.Boolean, new LocalizedText("确认无法联系", "Declare unreachable"), new LocalizedText("满 3 次未联系上且首末相隔 48 小时后,确认无法联系。", "After 3 failed attempts spanning 48 hours: declare the owner unreachable."))),
        },
        ResponseProperties = new[]
        {
            new CustomApiField(FollowUpIdOutput, CustomApiFieldType.Guid, new LocalizedText("回访", "Follow-up"), new LocalizedText("记录的回访编号。", "The follow-up recorded.")),
            new CustomApiField(StatusOutput, CustomApiFieldType.Integer, new LocalizedText("回访状态", "Status"), new LocalizedText("回访的状态原因:1 待回访、2 已完成、548210000 无法联系。", "The follow-up's status reason: 1 pending, 2 completed, 548210000 unreachable.")),
            new CustomApiField(MessageOutput, CustomApiFieldType.String, new LocalizedText("说明", "Message"), new LocalizedText("结果说明(中文 / English)。", "What happened (Chinese / English).")),
        },
    };

    public RecordFollowUpPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static CustomApiField Optional(CustomApiField field) => new(field.UniqueName, field.Type, field.DisplayName, field.Description)
    {
        IsOptional = true,
        LogicalEntityName = field.LogicalEntityName,
        MaxLength = field.MaxLength,
    };

    private static void Record(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var entry = new FollowUpEntry
        {
            FollowUp = execution.GetOptionalInput<EntityReference>(FollowUpParameter),
            ServiceRequest = execution.GetOptionalInput<EntityReference>(ServiceRequestParameter),
            Verification = execution.GetOptionalInput<OptionSetValue>(VerificationParameter)?.Value,
            Satisfaction = execution.GetOptionalInput<OptionSetValue>(SatisfactionParameter)?.Value,
            Nps = Number(execution, NpsParameter),
            Reliability = Number(execution, ReliabilityParameter),
            Responsiveness = Number(execution, ResponsivenessParameter),
            Assurance = Number(execution, AssuranceParameter),
            Empathy = Number(execution, EmpathyParameter),
            Tangibles = Number(execution, TangiblesParameter),
            Comment = execution.GetOptionalInput<string>(CommentParameter),
            Channel = execution.GetOptionalInput<OptionSetValue>(ChannelParameter)?.Value,
            AttemptFailed = execution.GetOptionalInput<bool>(AttemptFailedParameter),
            DeclareUnreachable = execution.GetOptionalInput<bool>(DeclareUnreachableParameter),
        };
        var recorded = new FollowUpService(context.Scope).Record(entry);
        execution.OutputParameters[FollowUpIdOutput] = recorded.FollowUpId;
        execution.OutputParameters[StatusOutput] = recorded.StatusCode;
        execution.OutputParameters[MessageOutput] = recorded.Message;
    }

    private static int? Number(IPluginExecutionContext execution, string name) =>
        execution.InputParameters.TryGetValue(name, out var value) && value is int number ? number : null;
}
