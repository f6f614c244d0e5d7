using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.LoyaltySweeps;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Loyalty.Redemption;

/// <summary>
/// Pre-operation Update of pcrm_redemption's status: cancelling (status reason 已取消 Cancelled) reverses the Redeem
/// entry, returns the points and a limited reward's stock in the update's transaction; restoring a cancelled redemption
/// is refused (已取消的兑换不能恢复,请重新兑换 / A cancelled redemption cannot be restored; redeem again) and nothing is
/// saved. Cancelling again posts nothing. Updates that do not touch statecode/statuscode do not run it. The owner's tier
/// is not recalculated. The status is decided again under the owner lock (a cancel
/// may have committed after the pre-image was taken). See <see cref="RedemptionCancellationService"/> for the locking and the call budget.
/// </summary>
public sealed class RedemptionCancellationPlugin : PluginBase
{
    public const string PreImageAlias = "redemption";

    public static readonly StepDeclaration OnUpdate = new(
        typeof(RedemptionCancellationPlugin),
        SdkMessageName.Update,
        RedemptionTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = ApplyStatusChange,
        FilteringAttributes = new[] { RedemptionTable.Columns.StatusCode, RedemptionTable.Columns.StateCode },
        Images = new[] { new StepImage(PreImageAlias, ImageType.PreImage, RedemptionCancellationService.PreImageColumns) { IsRequired = true } },
        Description = "Cancelling a redemption returns its points and stock; a cancelled redemption cannot be restored. / 取消兑换时退回积分与库存;已取消的兑换不能恢复。",
    };

    public RedemptionCancellationPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void ApplyStatusChange(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        new RedemptionCancellationService(context.Scope).ApplyStatusChange(execution.GetRequiredTarget(), execution.PreEntityImages[PreImageAlias]);
    }
}
