using System.Activities;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;
using PropertyCrm.WorkflowActivities.Framework;

namespace PropertyCrm.WorkflowActivities.Sla;

/// <summary>
/// Classic-workflow step "Detect urgency / 识别紧急程度": the urgency a request's text suggests (漏水, 停电, 电梯困人…
/// → Emergency), unless the agent chose one, and the keyword that decided it, as the service-request steps judge it
/// (<see cref="UrgencyDetector.Default"/>). Nothing is read or written.
/// </summary>
public sealed class DetectUrgencyActivity : WorkflowActivityBase
{
    [RequiredArgument]
    [Input("报事内容 / Text")]
    public InArgument<string> Text { get; set; } = null!;

    [Input("人工指定紧急程度 / Agent's urgency")]
    [AttributeTarget(ServiceRequestTable.LogicalName, ServiceRequestTable.Columns.Urgency)]
    public InArgument<OptionSetValue> Override { get; set; } = null!;

    [Output("紧急程度 / Urgency")]
    [AttributeTarget(ServiceRequestTable.LogicalName, ServiceRequestTable.Columns.Urgency)]
    public OutArgument<OptionSetValue> Urgency { get; set; } = null!;

    [Output("命中关键词 / Matched keyword")]
    public OutArgument<string> MatchedKeyword { get; set; } = null!;

    protected override void Run(CodeActivityContext activity, ExecutionScope scope)
    {
        var chosen = Override.Get(activity);
        Domain.Sla.Urgency? agentChoice = null;
        if (chosen is not null)
        {
            agentChoice = OptionValues.ToEnum<Domain.Sla.Urgency>(chosen)
                ?? throw new InvalidPluginExecutionException($"未知的紧急程度选项值:{chosen.Value} / Unknown urgency option value {chosen.Value}.");
        }

        var assessment = UrgencyDetector.Default.Assess(Text.Get(activity), agentChoice);
        var keyword = assessment.Matches.FirstOrDefault()?.Phrase ?? string.Empty;
        scope.Trace($"Urgency {assessment.Urgency} (detected {assessment.Detected}, override {assessment.IsOverride}, keyword '{keyword}')");
        Urgency.Set(activity, OptionValues.ToOption(assessment.Urgency));
        MatchedKeyword.Set(activity, keyword);
    }
}
