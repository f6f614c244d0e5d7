using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Loyalty;

/// <summary>
/// Deleting a fee bill that has payments is refused (pre-validation), except as part of deleting
/// its owner's contact (PIPL erasure). The relationship pcrm_feepayment_feebill is Cascade so that the erasure, which
/// cascades contact → bills and contact → payments, can complete (a Restrict there fails the whole erasure); this step
/// keeps what Restrict meant for everyone else: a bill entered by mistake loses its payments first, each deleted on its
/// own so that it takes back its amount and points (<see cref="FeePaymentCorrectionPlugin"/>), then the bill goes.
/// Pre-validation, not pre-operation: Dataverse runs a delete's cascades between the two stages, so by pre-operation the
/// Cascade relationship has already deleted the payments (taking back their points) and there is nothing left to refuse.
/// Budget: one read (the bill's first payment), no write.
/// </summary>
public sealed class FeeBillDeleteGuardPlugin : PluginBase
{
    /// <summary>Error code of the refusal.</summary>
    public const string BillHasPaymentsCode = "fees.bill.has-payments";

    public const string BillHasPaymentsMessage = "该账单已有缴费记录,不能删除;请先逐条删除其缴费(积分和已缴金额随之冲回),再删除账单 / This bill has payments and cannot be deleted; delete its payments one by one first (their points and amounts are taken back), then the bill.";

    public static readonly StepDeclaration OnDelete = new(
        typeof(FeeBillDeleteGuardPlugin),
        SdkMessageName.Delete,
        FeeBillTable.LogicalName,
        PipelineStage.PreValidation,
        ExecutionMode.Synchronous)
    {
        Handler = RefuseIfPaid,
        Description = "Refuses deleting a fee bill with payments, except in the owner's erasure. / 有缴费的账单不可删除(业主个人信息删除除外)。",
    };

    public FeeBillDeleteGuardPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void RefuseIfPaid(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        if (execution.IsCascadeOfDelete(ContactTable.LogicalName))
        {
            context.Trace("Bill deleted with its owner's contact: its payments go too.");
            return;
        }

        var payments = new QueryExpression(FeePaymentTable.LogicalName) { ColumnSet = new ColumnSet(false), TopCount = 1 };
        payments.Criteria.AddCondition(FeePaymentTable.Columns.FeeBill, ConditionOperator.Equal, execution.PrimaryEntityId);
        if (context.SystemService.RetrieveMultiple(payments).Entities.Count > 0)
        {
            throw new DomainException(BillHasPaymentsCode, BillHasPaymentsMessage);
        }
    }
}
