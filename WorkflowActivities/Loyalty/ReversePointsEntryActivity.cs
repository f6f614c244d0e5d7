using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Schema.Tables;
using PropertyCrm.WorkflowActivities.Framework;

namespace PropertyCrm.WorkflowActivities.Loyalty;

/// <summary>
/// Classic-workflow step "Reverse points entry / 冲正积分流水": reverses one earn or expiry ledger entry with the reason
/// staff give — the same logic as the <c>pcrm_ReversePointsEntry</c> Custom API (<see cref="ReversalLogic.ReverseEntry"/>).
/// Refuses a blank reason, unknown entries, reversals and redemption entries (cancel the redemption instead); a second
/// call returns the first reversal with "Already applied". The tier is not recalculated.
/// </summary>
public sealed class ReversePointsEntryActivity : WorkflowActivityBase
{
    [RequiredArgument]
    [Input("积分流水 / Entry")]
    [ReferenceTarget(PointsEntryTable.LogicalName)]
    public InArgument<EntityReference> Entry { get; set; } = null!;

    [RequiredArgument]
    [Input("冲正原因 / Reason")]
    public InArgument<string> Reason { get; set; } = null!;

    [Output("冲正流水 / Reversal entry")]
    [ReferenceTarget(PointsEntryTable.LogicalName)]
    public OutArgument<EntityReference> ReversalEntry { get; set; } = null!;

    [Output("已冲正过 / Already applied")]
    public OutArgument<bool> AlreadyApplied { get; set; } = null!;

    [Output("积分变动 / Points change")]
    public OutArgument<int> PointsChange { get; set; } = null!;

    [Output("积分余额 / Balance")]
    public OutArgument<int> Balance { get; set; } = null!;

    protected override void Run(CodeActivityContext activity, ExecutionScope scope)
    {
        var outcome = new LoyaltyService(scope).Reverse(new EntryReversal(Entry.Get(activity), Reason.Get(activity)));
        ReversalEntry.Set(activity, new EntityReference(PointsEntryTable.LogicalName, outcome.ReversalEntryId));
        AlreadyApplied.Set(activity, outcome.AlreadyApplied);
        PointsChange.Set(activity, outcome.PointsChange);
        Balance.Set(activity, outcome.Balance);
    }
}
