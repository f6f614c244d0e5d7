using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Loyalty.Redemption;

/// <summary>
/// Custom API <c>pcrm_RedeemReward</c> (global action): redeems a reward for an owner from Power Automate or an
/// app by creating the pcrm_redemption, so <see cref="RedemptionPlugin"/> runs exactly as for a form create.
/// </summary>
public sealed class RedeemRewardPlugin : PluginBase
{
    public const string ApiName = "pcrm_RedeemReward";
    public const string ContactParameter = "Contact";
    public const string RewardParameter = "Reward";
    public const string QuantityParameter = "Quantity";
    public const string RedemptionOutput = "Redemption";
    public const string PointsSpentOutput = "PointsSpent";
    public const string BalanceOutput = "Balance";

    public static readonly CustomApiDeclaration Api = new(
        ApiName,
        typeof(RedeemRewardPlugin),
        new LocalizedText("兑换奖品", "Redeem reward"),
        new LocalizedText(
            "用业主积分兑换奖品:先到期的积分先用,余额不足或库存不足时拒绝。",
            "Redeems a reward with an owner's points, soonest-expiring points first; refused when the balance or stock is short."))
    {
        Handler = Redeem,
        AllowedCustomProcessingStepType = CustomApiProcessingStepType.None,
        ExecutePrivilegeName = Privileges.Redeem,
        RequestParameters = new[]
        {
            new CustomApiField(
                ContactParameter,
                CustomApiFieldType.EntityReference,
                new LocalizedText("业主", "Owner"),
                new LocalizedText("兑换的业主(联系人)。", "The owner (contact) who redeems."))
            {
                LogicalEntityName = ContactTable.LogicalName,
            },
            new CustomApiField(RewardParameter, CustomApiFieldType.EntityReference, new LocalizedText("奖品", "Reward"), new LocalizedText("要兑换的奖品。", "The reward to redeem."))
            {
                LogicalEntityName = RewardTable.LogicalName,
            },
            new CustomApiField(QuantityParameter, CustomApiFieldType.Integer, new LocalizedText("数量", "Quantity"), new LocalizedText("兑换数量,默认 1。", "How many, default 1."))
            {
                IsOptional = true,
            },
        },
        ResponseProperties = new[]
        {
            new CustomApiField(
                RedemptionOutput,
                CustomApiFieldType.Guid,
                new LocalizedText("兑换记录", "Redemption"),
                new LocalizedText("新建的兑换记录 ID。", "Id of the redemption created.")),
            new CustomApiField(
                PointsSpentOutput,
                CustomApiFieldType.Integer,
                new LocalizedText("扣减积分", "Points spent"),
                new LocalizedText("本次扣减的积分。", "Points taken by this redemption.")),
            new CustomApiField(BalanceOutput, CustomApiFieldType.Integer, new LocalizedText("积分余额", "Balance"), new LocalizedText("兑换后的积分余额。", "The owner's balance afterwards.")),
        },
    };

    public RedeemRewardPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void Redeem(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var request = new RewardRedemption(
            execution.GetRequiredInput<EntityReference>(ContactParameter),
            execution.GetRequiredInput<EntityReference>(RewardParameter),
            execution.GetOptionalInput<int?>(QuantityParameter));
        var outcome = new LoyaltyService(context.Scope).Redeem(request);
        execution.OutputParameters[RedemptionOutput] = outcome.RedemptionId;
        execution.OutputParameters[PointsSpentOutput] = outcome.PointsSpent;
        execution.OutputParameters[BalanceOutput] = outcome.Balance;
    }
}
