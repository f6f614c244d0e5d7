using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Loyalty;

/// <summary>
/// Custom API <c>pcrm_ReversePointsEntry</c> (action, global): staff's correction of one points ledger entry, from Power
/// Automate or an app. Earn entries: the reversal closes the lot and takes what is still in it (points already spent or
/// expired stay so). Expire entries: the points go back into their lot with the lot's own expiry date, so a lot already
/// past expiry is expired again by the next points-expiry run. Refused, bilingually and with nothing written: a blank
/// reason, an unknown entry, a reversal, and a Redeem entry (cancel the redemption instead, which also returns the
/// stock). Reversing an entry twice returns the first reversal with AlreadyApplied and writes nothing more. The owner's
/// tier is not recalculated: tiers come down only at the periodic review.
/// Logic: <see cref="ReversalLogic.ReverseEntry"/>. Budget: reads 3 (entry, owner, ledger), writes 3 (owner lock,
/// reversal, balance); already applied: reads 3, writes 1 (the owner lock).
/// </summary>
public sealed class ReversePointsEntryPlugin : PluginBase
{
    public const string ApiName = "pcrm_ReversePointsEntry";
    public const string EntryParameter = "Entry";
    public const string ReasonParameter = "Reason";

    /// <summary>The most characters of <see cref="ReasonParameter"/>: what the reversal's description has room for.</summary>
    public const int ReasonMaxLength = StaffReversal.ReasonMaxLength;
    public const string ReversalEntryOutput = "ReversalEntry";
    public const string AlreadyAppliedOutput = "AlreadyApplied";
    public const string PointsChangeOutput = "PointsChange";
    public const string BalanceOutput = "Balance";

    public static readonly CustomApiDeclaration Api = new(
        ApiName,
        typeof(ReversePointsEntryPlugin),
        new LocalizedText("冲正积分流水", "Reverse points entry"),
        new LocalizedText(
            "冲正一条获得或过期积分流水并记录原因;兑换扣减请取消兑换记录。同一流水只冲正一次,不重新计算会员等级。",
            "Reverses one earn or expiry ledger entry and records the reason; for a redemption, cancel the redemption instead. An entry is reversed once; the tier is not recalculated."))
    {
        Handler = Reverse,
        BindingType = CustomApiBindingType.Global,
        AllowedCustomProcessingStepType = CustomApiProcessingStepType.None,
        ExecutePrivilegeName = Privileges.PostPoints,
        RequestParameters = new[]
        {
            new CustomApiField(
                EntryParameter,
                CustomApiFieldType.EntityReference,
                new LocalizedText("积分流水", "Entry"),
                new LocalizedText("要冲正的积分流水(获得或过期)。", "The ledger entry to reverse (an earn or expiry entry)."))
            {
                LogicalEntityName = PointsEntryTable.LogicalName,
            },
            new CustomApiField(
                ReasonParameter,
                CustomApiFieldType.String,
                new LocalizedText("冲正原因", "Reason"),
                new LocalizedText("冲正原因,记入冲正流水的说明,不可为空。", "Why, recorded in the reversal's description; required."))
            {
                MaxLength = ReasonMaxLength,
            },
        },
        ResponseProperties = new[]
        {
            new CustomApiField(
                ReversalEntryOutput,
                CustomApiFieldType.EntityReference,
                new LocalizedText("冲正流水", "Reversal entry"),
                new LocalizedText("新建的冲正流水,或此前已有的冲正流水。", "The reversal entry created, or the one that already existed."))
            {
                LogicalEntityName = PointsEntryTable.LogicalName,
            },
            new CustomApiField(
                AlreadyAppliedOutput,
                CustomApiFieldType.Boolean,
                new LocalizedText("已冲正过", "Already applied"),
                new LocalizedText("该流水此前已冲正,本次未记账。", "The entry was already reversed; nothing was posted now.")),
            new CustomApiField(
                PointsChangeOutput,
                CustomApiFieldType.Integer,
                new LocalizedText("积分变动", "Points change"),
                new LocalizedText("冲正流水的积分变动(负数为扣回)。", "The reversal's change to the balance (negative takes points back).")),
            new CustomApiField(BalanceOutput, CustomApiFieldType.Integer, new LocalizedText("积分余额", "Balance"), new LocalizedText("冲正后的积分余额。", "The owner's balance afterwards.")),
        },
    };

    public ReversePointsEntryPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void Reverse(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var request = new EntryReversal(execution.GetRequiredInput<EntityReference>(EntryParameter), execution.GetOptionalInput<string>(ReasonParameter));
        var outcome = new LoyaltyService(context.Scope).Reverse(request);
        execution.OutputParameters[ReversalEntryOutput] = new EntityReference(PointsEntryTable.LogicalName, outcome.ReversalEntryId);
        execution.OutputParameters[AlreadyAppliedOutput] = outcome.AlreadyApplied;
        execution.OutputParameters[PointsChangeOutput] = outcome.PointsChange;
        execution.OutputParameters[BalanceOutput] = outcome.Balance;
    }
}
