using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Fees;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Plugins.Framework;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Steps.Loyalty;

/// <summary>
/// A fee payment (物业费缴费) updates its bill, awards on-time points and re-evaluates the owner's tier.
/// </summary>
/// <remarks>
/// <para><b>Pre-operation Create</b>: reads the bill once, stamps <c>pcrm_ontime</c> (and <c>pcrm_paidon</c> when blank)
/// on the payment itself — saved with it, no extra write — locks the bill's owner's loyalty account (<see cref="OwnerLock"/>) before
/// the payment row is inserted, and hands bill and owner to post-operation in SharedVariables.</para>
/// <para><b>Post-operation Create, synchronous</b>: reads the bill's amount paid fresh under the owner lock and adds this
/// payment (and paid-in-full-on), then
/// <see cref="LoyaltyService.AwardFeePayment"/> with the payment id as the idempotency source (key
/// <c>earn:fee:{paymentId}</c>, never twice), the contact's balance, fee standing and tier (trigger Event: upgrades at
/// once, downgrades only at the review) and a tier history row per change. Synchronous because the owner should see
/// the points and tier as soon as the payment is recorded, and the work is small: 5 reads and 4 writes, well
/// inside the 2-minute limit, and a failure rolls the payment back instead of leaving it without points.</para>
/// <para><b>Budget per payment</b> (warm configuration): reads — bill (pre), contact (lock), bill's paid amount (fresh,
/// under the lock), ledger page, bills+payments = 5; writes — lock, bill, entry, contact = 4, + history on a tier
/// change; a late payment writes no entry (3). Cold configuration: +2 reads.</para>
/// </remarks>
public sealed class FeePaymentPointsPlugin : PluginBase
{
    private const string BillContactVariable = "pcrm.loyalty.bill.contact";
    private const string BillIdVariable = "pcrm.loyalty.bill.id";
    private const string BillDueVariable = "pcrm.loyalty.bill.amountdue";
    private const string BillDueOnVariable = "pcrm.loyalty.bill.dueon";
    private const string BillPeriodVariable = "pcrm.loyalty.bill.period";
    private const string OwnerTierVariable = "pcrm.loyalty.owner.tier";
    private const string OwnerBalanceVariable = "pcrm.loyalty.owner.balance";

    private static readonly LockedOwnerHandOver LockedOwner = new(BillContactVariable, OwnerTierVariable, OwnerBalanceVariable);

    public static readonly StepDeclaration OnCreatePre = new(
        typeof(FeePaymentPointsPlugin),
        SdkMessageName.Create,
        FeePaymentTable.LogicalName,
        PipelineStage.PreOperation,
        ExecutionMode.Synchronous)
    {
        Handler = Stamp,
        Description = "Marks a fee payment on time or late and locks the owner's row. / 标记缴费是否按时并锁定业主记录。",
    };

    public static readonly StepDeclaration OnCreatePost = new(
        typeof(FeePaymentPointsPlugin),
        SdkMessageName.Create,
        FeePaymentTable.LogicalName,
        PipelineStage.PostOperation,
        ExecutionMode.Synchronous)
    {
        Handler = Award,
        Description = "Updates the bill, awards on-time points and re-evaluates the tier. / 更新账单、发放按时缴费积分并评估会员等级。",
    };

    public FeePaymentPointsPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    private static void Stamp(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var target = execution.GetRequiredTarget();
        var billRef = target.GetAttributeValue<EntityReference>(FeePaymentTable.Columns.FeeBill);
        if (billRef is null)
        {
            context.Trace("Payment without a bill: nothing to do.");
            return;
        }

        if (!target.Contains(FeePaymentTable.Columns.PaidOn))
        {
            target[FeePaymentTable.Columns.PaidOn] = DataverseTime.ToUtc(execution.OperationCreatedOn);
        }

        var billRow = context.SystemService.Retrieve(FeeBillTable.LogicalName, billRef.Id, new ColumnSet(FeeMapping.BillColumns));
        var bill = FeeMapping.ReadBill(billRow);
        if (bill is null)
        {
            context.Trace("Bill without amount due or due date: not marked.");
            return;
        }

        var paidAt = FeeMapping.Instant(target.GetAttributeValue<DateTime>(FeePaymentTable.Columns.PaidOn));
        target[FeePaymentTable.Columns.OnTime] = ChinaDate.FromInstant(paidAt) <= bill.DueOn;

        var contactId = billRow.GetAttributeValue<EntityReference>(FeeBillTable.Columns.Contact)?.Id
            ?? target.GetAttributeValue<EntityReference>(FeePaymentTable.Columns.Contact)?.Id
            ?? Guid.Empty;
        var shared = execution.SharedVariables;
        shared[BillIdVariable] = billRow.Id;

        // The owner lock is taken here, before the payment row exists: a second payment of the same owner waits at
        // this point, not after inserting its own row, which the first one's standing query would then have to wait
        // for (a deadlock). Everything read from now on is read under the lock.
        LockedOwner.Lock(context.SystemService, shared, contactId, context.Scope.Now);

        shared[BillDueVariable] = bill.AmountDue;
        shared[BillDueOnVariable] = FeeMapping.FromDate(bill.DueOn);
        shared[BillPeriodVariable] = FeeMapping.FromDate(bill.Period.FirstDay);
    }

    private static void Award(ILocalPluginContext context)
    {
        var execution = context.PluginExecutionContext;
        var shared = execution.SharedVariables;
        if (!shared.Contains(BillIdVariable))
        {
            context.Trace("No bill stamped in pre-operation: nothing to award.");
            return;
        }

        var target = execution.GetRequiredTarget();
        var amount = target.GetAttributeValue<Money>(FeePaymentTable.Columns.Amount)?.Value ?? 0m;
        if (amount <= 0m)
        {
            context.Trace("Payment without an amount: nothing to award.");
            return;
        }

        var service = context.SystemService;
        var billId = (Guid)shared[BillIdVariable];
        var dueOn = FeeMapping.ToDate((DateTime)shared[BillDueOnVariable]);
        var bill = new FeeBill(FeeMapping.Id(billId), FeeMapping.ToDate((DateTime)shared[BillPeriodVariable]).YearMonth, (decimal)shared[BillDueVariable], dueOn);
        var paidAt = FeeMapping.Instant(target.GetAttributeValue<DateTime>(FeePaymentTable.Columns.PaidOn));
        var payment = new FeePayment(FeeMapping.Id(execution.PrimaryEntityId), bill.BillId, amount, paidAt);

        var owner = LockedOwner.Receive(shared);

        // Read under the owner lock taken in pre-operation: every payment of a bill belongs to its owner, so two
        // payments of one bill arriving together add up instead of the later overwriting the earlier.
        var billNow = service.Retrieve(FeeBillTable.LogicalName, billId, new ColumnSet(FeeBillTable.Columns.AmountPaid, FeeBillTable.Columns.PaidInFullOn));
        var paid = (billNow.GetAttributeValue<Money>(FeeBillTable.Columns.AmountPaid)?.Value ?? 0m) + amount;
        var billUpdate = new Entity(FeeBillTable.LogicalName, billId) { [FeeBillTable.Columns.AmountPaid] = new Money(paid) };
        if (paid >= bill.AmountDue && !billNow.Contains(FeeBillTable.Columns.PaidInFullOn))
        {
            billUpdate[FeeBillTable.Columns.PaidInFullOn] = FeeMapping.FromDate(payment.PaidOn);
        }

        service.Update(billUpdate);
        if (owner is null)
        {
            context.Trace("Neither bill nor payment names an owner: no points.");
            return;
        }

        var outcome = new LoyaltyService(context.Scope).AwardFeePayment(owner, LoyaltyEvent.ForFeePayment(bill, payment));
        context.Trace(outcome.Result.Reason);
    }
}
