using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.LoyaltySweeps;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Loyalty.Redemption;

/// <summary>
/// Pre-operation Create of pcrm_redemption: takes the points (oldest lots first), decrements the reward's stock,
/// appends the Redeem entry and updates the owner's balance, all in the create's transaction; refuses with a
/// bilingual message (积分余额不足 / Insufficient points balance, out of stock, tier, withdrawn) and saves nothing.
/// See <see cref="RedemptionService"/> for the locking and the call count.
/// </summary>
public sealed class RedemptionPlugin : PluginBase
{
    public static readonly StepDeclaration OnCreate = new(
        typeof(RedemptionPlugin),
        SdkMessageName.Create,
        RedemptionTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = TakePointsAndStock,
        Description = "Takes the points and stock of a redemption. / 兑换时扣减积分与库存。",
    };

    public RedemptionPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void TakePointsAndStock(ILocalPluginContext context) =>
        new RedemptionService(context.Scope).Redeem(context.PluginExecutionContext.GetRequiredTarget());
}
