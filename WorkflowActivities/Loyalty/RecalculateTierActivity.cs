using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;
using PropertyCrm.WorkflowActivities.Framework;

namespace PropertyCrm.WorkflowActivities.Loyalty;

/// <summary>
/// Classic-workflow step "Recalculate tier / 重新评估会员等级": re-derives one owner's fee standing and tier now
/// (upgrades only; downgrades belong to the periodic review) and refreshes balance and fee figures — the same logic
/// as the <c>pcrm_RecalculateTier</c> Custom API (<c>OwnerLoyaltyLogic.Recalculate</c>, trigger Event).
/// </summary>
public sealed class RecalculateTierActivity : WorkflowActivityBase
{
    [RequiredArgument]
    [Input("业主 / Owner")]
    [ReferenceTarget(ContactTable.LogicalName)]
    public InArgument<EntityReference> Owner { get; set; } = null!;

    [Output("会员等级 / Tier")]
    [AttributeTarget(ContactTable.LogicalName, ContactTable.Columns.Tier)]
    public OutArgument<OptionSetValue> Tier { get; set; } = null!;

    [Output("已变更 / Changed")]
    public OutArgument<bool> Changed { get; set; } = null!;

    protected override void Run(CodeActivityContext activity, ExecutionScope scope)
    {
        var assessment = new LoyaltyService(scope).Recalculate(Owner.Get(activity).Id);
        Tier.Set(activity, OptionValues.ToOption(assessment.Tier));
        Changed.Set(activity, assessment.Change is not null);
    }
}
