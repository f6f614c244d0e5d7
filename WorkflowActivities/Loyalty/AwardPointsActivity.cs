using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Schema.Tables;
using PropertyCrm.WorkflowActivities.Framework;

namespace PropertyCrm.WorkflowActivities.Loyalty;

/// <summary>
/// Classic-workflow step "Award points / 发放积分": awards an owner the points of an activity rule for one source
/// record, at most once per (rule, source) — the same logic as the <c>pcrm_AwardPoints</c> Custom API
/// (<see cref="LoyaltyService.Award"/>). Refuses the fee payment rule, unknown and switched-off rules.
/// </summary>
public sealed class AwardPointsActivity : WorkflowActivityBase
{
    [RequiredArgument]
    [Input("业主 / Owner")]
    [ReferenceTarget(ContactTable.LogicalName)]
    public InArgument<EntityReference> Owner { get; set; } = null!;

    [RequiredArgument]
    [Input("积分规则 / Rule")]
    [AttributeTarget(EarningRuleTable.LogicalName, EarningRuleTable.Columns.Rule)]
    public InArgument<OptionSetValue> Rule { get; set; } = null!;

    [RequiredArgument]
    [Input("来源编号 / Source id")]
    public InArgument<string> SourceId { get; set; } = null!;

    [Output("本次积分 / Points")]
    public OutArgument<int> Points { get; set; } = null!;

    [Output("已发放过 / Already applied")]
    public OutArgument<bool> AlreadyApplied { get; set; } = null!;

    [Output("积分余额 / Balance")]
    public OutArgument<int> Balance { get; set; } = null!;

    protected override void Run(CodeActivityContext activity, ExecutionScope scope)
    {
        var outcome = new LoyaltyService(scope).Award(new ActivityAward(Owner.Get(activity).Id, Rule.Get(activity).Value, SourceId.Get(activity)));
        Points.Set(activity, outcome.Result.Points);
        AlreadyApplied.Set(activity, outcome.AlreadyApplied);
        Balance.Set(activity, outcome.Balance);
    }
}
