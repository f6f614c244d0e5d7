using PropertyCrm.Domain;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Loyalty;

/// <summary>
/// Keeps the points ledger append-only (pre-validation, before any transaction work):
/// <list type="bullet">
/// <item>Update of a <c>pcrm_pointsentry</c> is always refused: corrections are reversal entries.</item>
/// <item>Delete is refused too, except as the cascade of deleting the owner's contact (PIPL erasure), recognised by a
/// Delete of <c>contact</c> in the parent contexts.</item>
/// <item>Create is refused at depth 1: users, imports and flows cannot write entries directly; entries come only from
/// plug-in code (the fee payment step, <c>pcrm_AwardPoints</c>, redemption and its cancellation,
/// <c>pcrm_ReversePointsEntry</c> for corrections, the sweeps), whose service calls run at
/// depth ≥ 2. No shared-variable marker is needed, and none can be forged by a caller.</item>
/// </list>
/// No service calls.
/// </summary>
public sealed class PointsLedgerGuardPlugin : PluginBase
{
    /// <summary>Error code of the refusals.</summary>
    public const string LedgerAppendOnlyCode = "points.ledger.append-only";

    public const string ChangeRefused = "积分流水不可修改,请使用冲正 / Ledger entries cannot be changed; post a reversal.";

    public const string DirectCreateRefused = "积分流水只能由系统产生(缴费、积分接口、兑换),不可手工新建 / Ledger entries are posted by the system only (payments, the award API, redemptions); they cannot be created directly.";

    public static readonly StepDeclaration OnCreate = new(
        typeof(PointsLedgerGuardPlugin),
        SdkMessageName.Create,
        PointsEntryTable.LogicalName,
        PipelineStage.PreValidation,
        ExecutionMode.Synchronous)
    {
        Handler = RefuseDirectCreate,
        Description = "Refuses ledger entries created directly by users. / 禁止手工新建积分流水。",
    };

    public static readonly StepDeclaration OnUpdate = new(
        typeof(PointsLedgerGuardPlugin),
        SdkMessageName.Update,
        PointsEntryTable.LogicalName,
        PipelineStage.PreValidation,
        ExecutionMode.Synchronous)
    {
        Handler = RefuseChange,
        Description = "Refuses changes to ledger entries (append-only). / 积分流水不可修改。",
    };

    public static readonly StepDeclaration OnDelete = new(
        typeof(PointsLedgerGuardPlugin),
        SdkMessageName.Delete,
        PointsEntryTable.LogicalName,
        PipelineStage.PreValidation,
        ExecutionMode.Synchronous)
    {
        Handler = RefuseDeleteUnlessErasure,
        Description = "Refuses deleting ledger entries (append-only). / 积分流水不可删除。",
    };

    public PointsLedgerGuardPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void RefuseDirectCreate(ILocalPluginContext context)
    {
        if (context.PluginExecutionContext.IsDirectRequest())
        {
            throw new DomainException(LedgerAppendOnlyCode, DirectCreateRefused);
        }
    }

    private static void RefuseChange(ILocalPluginContext context) =>
        throw new DomainException(LedgerAppendOnlyCode, ChangeRefused);

    private static void RefuseDeleteUnlessErasure(ILocalPluginContext context)
    {
        if (context.PluginExecutionContext.IsCascadeOfDelete(ContactTable.LogicalName))
        {
            context.Trace("Entry deleted with its owner's contact.");
            return;
        }

        throw new DomainException(LedgerAppendOnlyCode, ChangeRefused);
    }
}
