using PropertyCrm.Domain;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Loyalty.Redemption;

/// <summary>
/// Keeps a redemption what it was when its points were taken, because cancelling it returns points and stock from
/// the recorded owner, reward and quantity:
/// <list type="bullet">
/// <item><b>Update</b> (pre-validation, filtered on owner, reward, quantity and the columns code sets): refused for
/// users, imports and flows (depth 1); a wrong redemption is cancelled and redeemed again.</item>
/// <item><b>Delete</b> (pre-validation): refused unless it is the owner's erasure (PIPL); deleting would keep the
/// points spent and the stock taken, so staff cancel instead.</item>
/// </list>
/// No service calls.
/// </summary>
public sealed class RedemptionGuardPlugin : PluginBase
{
    /// <summary>Error code of the refusals.</summary>
    public const string RedemptionRecordedCode = "points.redemption.recorded";

    public static readonly StepDeclaration OnUpdate = new(
        typeof(RedemptionGuardPlugin),
        SdkMessageName.Update,
        RedemptionTable.LogicalName,
        PipelineStage.PreValidation,
        ExecutionMode.Synchronous)
    {
        Handler = RefuseDirectChange,
        FilteringAttributes = new[]
        {
            RedemptionTable.Columns.Contact,
            RedemptionTable.Columns.Reward,
            RedemptionTable.Columns.Quantity,
            RedemptionTable.Columns.Points,
            RedemptionTable.Columns.RedeemedOn,
            RedemptionTable.Columns.LedgerEntry,
        },
        Description = "Refuses changing what a redemption took. / 已兑换记录的业主、奖品与数量不可修改。",
    };

    public static readonly StepDeclaration OnDelete = new(
        typeof(RedemptionGuardPlugin),
        SdkMessageName.Delete,
        RedemptionTable.LogicalName,
        PipelineStage.PreValidation,
        ExecutionMode.Synchronous)
    {
        Handler = RefuseDeleteUnlessErasure,
        Description = "Refuses deleting redemptions; cancel them instead. / 兑换记录不可删除,请取消。",
    };

    public RedemptionGuardPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void RefuseDeleteUnlessErasure(ILocalPluginContext context)
    {
        if (context.PluginExecutionContext.IsCascadeOfDelete(ContactTable.LogicalName))
        {
            context.Trace("Redemption deleted with its owner's contact.");
            return;
        }

        throw new DomainException(
            RedemptionRecordedCode,
            "兑换记录不可删除;如需撤销,请将状态改为已取消(积分与库存随之退回) / Redemptions cannot be deleted; to undo one, set its status to Cancelled (its points and stock are returned).");
    }

    private static void RefuseDirectChange(ILocalPluginContext context)
    {
        if (context.PluginExecutionContext.IsDirectRequest())
        {
            throw new DomainException(
                RedemptionRecordedCode,
                "已兑换记录的业主、奖品、数量与积分不可修改;如有误,请取消后重新兑换 / A redemption's owner, reward, quantity and points cannot be changed; if it is wrong, cancel it and redeem again.");
        }
    }
}
