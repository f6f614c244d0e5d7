using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Schema.Tables;
using PropertyCrm.WorkflowActivities.Framework;

namespace PropertyCrm.WorkflowActivities.Loyalty;

/// <summary>
/// Classic-workflow step "Redeem reward / 兑换奖品": creates a pcrm_redemption for the owner, so the same
/// redemption step takes the points (oldest first) and the stock, or refuses (积分余额不足 / Insufficient points
/// balance, out of stock, tier, withdrawn) and the workflow stops with that message.
/// </summary>
public sealed class RedeemRewardActivity : WorkflowActivityBase
{
    [RequiredArgument]
    [Input("业主 / Owner")]
    [ReferenceTarget(ContactTable.LogicalName)]
    public InArgument<EntityReference> Owner { get; set; } = null!;

    [RequiredArgument]
    [Input("奖品 / Reward")]
    [ReferenceTarget(RewardTable.LogicalName)]
    public InArgument<EntityReference> Reward { get; set; } = null!;

    [Input("数量 / Quantity")]
    [Default("1")]
    public InArgument<int> Quantity { get; set; } = null!;

    [Output("扣减积分 / Points spent")]
    public OutArgument<int> PointsSpent { get; set; } = null!;

    [Output("积分余额 / Balance")]
    public OutArgument<int> Balance { get; set; } = null!;

    protected override void Run(CodeActivityContext activity, ExecutionScope scope)
    {
        var outcome = new LoyaltyService(scope).Redeem(new RewardRedemption(Owner.Get(activity), Reward.Get(activity), Quantity.Get(activity)));
        PointsSpent.Set(activity, outcome.PointsSpent);
        Balance.Set(activity, outcome.Balance);
    }
}
