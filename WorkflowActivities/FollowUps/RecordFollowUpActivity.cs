using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Logic.FollowUps;
using PropertyCrm.Schema.Tables;
using PropertyCrm.WorkflowActivities.Framework;

namespace PropertyCrm.WorkflowActivities.FollowUps;

/// <summary>
/// Classic-workflow step "Record follow-up / 记录回访": the same inputs and logic as the <c>pcrm_RecordFollowUp</c> Custom API
/// (<see cref="FollowUpService.Record"/>). Classic workflows cannot leave a whole number blank, so −1 (the default) means
/// "not answered" for NPS and the SERVQUAL scores.
/// </summary>
public sealed class RecordFollowUpActivity : WorkflowActivityBase
{
    private const string Blank = "-1";

    [Input("回访 / Follow-up")]
    [ReferenceTarget(FollowUpTable.LogicalName)]
    public InArgument<EntityReference> FollowUp { get; set; } = null!;

    [Input("报事报修(取最近回访)/ Service request (its latest follow-up)")]
    [ReferenceTarget(ServiceRequestTable.LogicalName)]
    public InArgument<EntityReference> ServiceRequest { get; set; } = null!;

    [Input("问题是否解决 / Verification")]
    [AttributeTarget(FollowUpTable.LogicalName, FollowUpTable.Columns.Verification)]
    public InArgument<OptionSetValue> Verification { get; set; } = null!;

    [Input("满意度 / Satisfaction")]
    [AttributeTarget(FollowUpTable.LogicalName, FollowUpTable.Columns.Satisfaction)]
    public InArgument<OptionSetValue> Satisfaction { get; set; } = null!;

    [Input("推荐意愿 NPS 0–10(-1 未填)/ NPS 0–10 (-1 blank)")]
    [Default(Blank)]
    public InArgument<int> Nps { get; set; } = null!;

    [Input("可靠性 1–5(-1 未填)/ Reliability 1–5 (-1 blank)")]
    [Default(Blank)]
    public InArgument<int> Reliability { get; set; } = null!;

    [Input("响应性 1–5(-1 未填)/ Responsiveness 1–5 (-1 blank)")]
    [Default(Blank)]
    public InArgument<int> Responsiveness { get; set; } = null!;

    [Input("保证性 1–5(-1 未填)/ Assurance 1–5 (-1 blank)")]
    [Default(Blank)]
    public InArgument<int> Assurance { get; set; } = null!;

    [Input("移情性 1–5(-1 未填)/ Empathy 1–5 (-1 blank)")]
    [Default(Blank)]
    public InArgument<int> Empathy { get; set; } = null!;

    [Input("有形性 1–5(-1 未填)/ Tangibles 1–5 (-1 blank)")]
    [Default(Blank)]
    public InArgument<int> Tangibles { get; set; } = null!;

    [Input("业主意见 / Comment")]
    public InArgument<string> Comment { get; set; } = null!;

    [Input("回访方式 / Channel")]
    [AttributeTarget(FollowUpTable.LogicalName, FollowUpTable.Columns.Channel)]
    public InArgument<OptionSetValue> Channel { get; set; } = null!;

    [Input("未联系上 / Attempt failed")]
    [Default("False")]
    public InArgument<bool> AttemptFailed { get; set; } = null!;

    [Input("确认无法联系 / Declare unreachable")]
    [Default("False")]
    public InArgument<bool> DeclareUnreachable { get; set; } = null!;

    [Output("回访状态 / Status")]
    public OutArgument<int> Status { get; set; } = null!;

    [Output("说明 / Message")]
    public OutArgument<string> Message { get; set; } = null!;

    protected override void Run(CodeActivityContext activity, ExecutionScope scope)
    {
        var recorded = new FollowUpService(scope).Record(new FollowUpEntry
        {
            FollowUp = FollowUp.Get(activity),
            ServiceRequest = ServiceRequest.Get(activity),
            Verification = Verification.Get(activity)?.Value,
            Satisfaction = Satisfaction.Get(activity)?.Value,
            Nps = Score(Nps.Get(activity)),
            Reliability = Score(Reliability.Get(activity)),
            Responsiveness = Score(Responsiveness.Get(activity)),
            Assurance = Score(Assurance.Get(activity)),
            Empathy = Score(Empathy.Get(activity)),
            Tangibles = Score(Tangibles.Get(activity)),
            Comment = Comment.Get(activity),
            Channel = Channel.Get(activity)?.Value,
            AttemptFailed = AttemptFailed.Get(activity),
            DeclareUnreachable = DeclareUnreachable.Get(activity),
        });
        Status.Set(activity, recorded.StatusCode);
        Message.Set(activity, recorded.Message);
    }

    private static int? Score(int value) => value == -1 ? null : value;
}
