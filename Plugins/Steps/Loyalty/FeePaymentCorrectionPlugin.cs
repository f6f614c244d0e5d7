using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Loyalty;

/// <summary>
/// Corrections of recorded fee payments, so a payment entered by mistake cannot leave its points, or its share of
/// the bill, behind:
/// <list type="bullet">
/// <item><b>Update</b> (pre-validation, filtered on bill, owner, amount, paid-on and on-time): refused for users,
/// imports and flows (depth 1). What a payment earned and counted was decided when it was recorded; a wrong payment is
/// deleted and recorded again.</item>
/// <item><b>Delete, pre-operation</b>: reads the bill's owner and locks the owner's loyalty account before the payment row is
/// deleted (the same order as a new payment, so the two cannot deadlock), handing bill and owner to post-operation.</item>
/// <item><b>Delete, post-operation, synchronous</b> (same transaction): subtracts the amount from the bill's amount
/// paid (read fresh under the lock; paid-in-full-on cleared when it falls short again), reverses the payment's on-time
/// points and recomputes standing and tier (<see cref="LoyaltyService.WithdrawPayment"/>).</item>
/// </list>
/// Deleting the owner (PIPL erasure) cascades to the payments; those deletes are recognised by the contact Delete in
/// the parent contexts and left alone, as the ledger guard does.
/// <para><b>Budget per delete</b> (warm configuration): reads — bill (pre), contact (lock), bill (fresh), ledger,
/// bills with payments = 5; writes — lock, bill, reversal (when the payment had points), contact = 4.</para>
/// </summary>
public sealed class FeePaymentCorrectionPlugin : PluginBase
{
    /// <summary>Error code of the refusal.</summary>
    public const string PaymentLockedCode = "fees.payment.recorded";

    public const string PreImageAlias = "payment";

    private const string BillIdVariable = "pcrm.fees.delete.bill";
    private const string OwnerIdVariable = "pcrm.fees.delete.owner";
    private const string OwnerTierVariable = "pcrm.fees.delete.owner.tier";
    private const string OwnerBalanceVariable = "pcrm.fees.delete.owner.balance";

    private static readonly LockedOwnerHandOver LockedOwner = new(OwnerIdVariable, OwnerTierVariable, OwnerBalanceVariable);

    private static readonly string[] RecordedColumns =
    {
        FeePaymentTable.Columns.FeeBill,
        FeePaymentTable.Columns.Contact,
        FeePaymentTable.Columns.Amount,
        FeePaymentTable.Columns.PaidOn,
        FeePaymentTable.Columns.OnTime,
    };

    public static readonly StepDeclaration OnUpdate = new(
        typeof(FeePaymentCorrectionPlugin),
        SdkMessageName.Update,
        FeePaymentTable.LogicalName,
        PipelineStage.PreValidation,
        ExecutionMode.Synchronous)
    {
        Handler = RefuseDirectChange,
        FilteringAttributes = RecordedColumns,
        Description = "Refuses changing a recorded fee payment. / 已登记的缴费不可修改。",
    };

    public static readonly StepDeclaration OnDeletePre = new(
        typeof(FeePaymentCorrectionPlugin),
        SdkMessageName.Delete,
        FeePaymentTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = LockOwner,
        Images = new[] { new StepImage(PreImageAlias, ImageType.PreImage, FeePaymentTable.Columns.FeeBill, FeePaymentTable.Columns.Contact, FeePaymentTable.Columns.Amount) },
        Description = "Locks the owner before a fee payment is deleted. / 删除缴费前锁定业主记录。",
    };

    public static readonly StepDeclaration OnDeletePost = new(
        typeof(FeePaymentCorrectionPlugin),
        SdkMessageName.Delete,
        FeePaymentTable.LogicalName,
        PipelineStage.PostOperation,
        ExecutionMode.Synchronous)
    {
        Handler = TakeBack,
        Images = new[] { new StepImage(PreImageAlias, ImageType.PreImage, FeePaymentTable.Columns.FeeBill, FeePaymentTable.Columns.Contact, FeePaymentTable.Columns.Amount) },
        Description = "Takes back a deleted fee payment's bill amount and points. / 删除缴费时冲回账单已缴金额与积分。",
    };

    public FeePaymentCorrectionPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void RefuseDirectChange(ILocalPluginContext context)
    {
        if (context.PluginExecutionContext.IsDirectRequest())
        {
            throw new DomainException(
                PaymentLockedCode,
                "已登记的缴费不能修改账单、业主、金额、缴费时间或是否按时;如登记有误,请删除该缴费(其积分与账单已缴金额随之冲回)后重新登记 / A recorded payment's bill, owner, amount, paid-on and on-time flag cannot be changed; if it was entered wrongly, delete it (its points and its share of the bill are taken back) and record it again.");
        }
    }

    private static void LockOwner(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        if (IsErasure(context))
        {
            return;
        }

        var payment = execution.GetPreImage(PreImageAlias);
        var billRef = payment?.GetAttributeValue<EntityReference>(FeePaymentTable.Columns.FeeBill);
        if (payment is null || billRef is null)
        {
            context.Trace("Payment without a bill: nothing to take back.");
            return;
        }

        var service = context.SystemService;
        var bill = service.Retrieve(FeeBillTable.LogicalName, billRef.Id, new ColumnSet(FeeBillTable.Columns.Contact));
        var ownerId = bill.GetAttributeValue<EntityReference>(FeeBillTable.Columns.Contact)?.Id
            ?? payment.GetAttributeValue<EntityReference>(FeePaymentTable.Columns.Contact)?.Id
            ?? Guid.Empty;
        var shared = execution.SharedVariables;
        shared[BillIdVariable] = billRef.Id;
        LockedOwner.Lock(service, shared, ownerId, context.Scope.Now);
    }

    private static void TakeBack(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        if (IsErasure(context))
        {
            return;
        }

        var shared = execution.SharedVariables;
        var payment = execution.GetPreImage(PreImageAlias);
        if (payment is null || !shared.Contains(BillIdVariable))
        {
            return;
        }

        var service = context.SystemService;
        var billId = (Guid)shared[BillIdVariable];
        var amount = payment.GetAttributeValue<Money>(FeePaymentTable.Columns.Amount)?.Value ?? 0m;
        if (amount > 0m)
        {
            var bill = service.Retrieve(
                FeeBillTable.LogicalName,
                billId,
                new ColumnSet(FeeBillTable.Columns.AmountDue, FeeBillTable.Columns.AmountPaid, FeeBillTable.Columns.PaidInFullOn));
            var paid = Math.Max(0m, (bill.GetAttributeValue<Money>(FeeBillTable.Columns.AmountPaid)?.Value ?? 0m) - amount);
            var update = new Entity(FeeBillTable.LogicalName, billId) { [FeeBillTable.Columns.AmountPaid] = new Money(paid) };
            if (bill.Contains(FeeBillTable.Columns.PaidInFullOn) && paid < (bill.GetAttributeValue<Money>(FeeBillTable.Columns.AmountDue)?.Value ?? 0m))
            {
                update[FeeBillTable.Columns.PaidInFullOn] = null;
            }

            service.Update(update);
        }

        var owner = LockedOwner.Receive(shared);
        if (owner is null)
        {
            context.Trace("Neither bill nor payment names an owner: no points to take back.");
            return;
        }

        new LoyaltyService(context.Scope).WithdrawPayment(owner, execution.PrimaryEntityId);
    }

    /// <summary>Deleted as part of deleting the owner's contact (PIPL erasure): the payments go with everything else.</summary>
    private static bool IsErasure(ILocalPluginContext context)
    {
        if (!context.PluginExecutionContext.IsCascadeOfDelete(ContactTable.LogicalName))
        {
            return false;
        }

        context.Trace("Payment deleted with its owner's contact: nothing to take back.");
        return true;
    }
}
