using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Tests.Support;

// Property-fee bills and payments: what tiers, points and the lifecycle review read.
internal sealed partial class DataProducer
{
    /// <summary>An unsaved bill of the owner for the month of <paramref name="dueOn"/>, nothing paid.</summary>
    public static Entity NewBill(Guid owner, decimal due, DateTime dueOn) => new(FeeBillTable.LogicalName)
    {
        [FeeBillTable.Columns.Name] = "物业费 / Property fee " + dueOn.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        [FeeBillTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
        [FeeBillTable.Columns.PeriodStart] = new DateTime(dueOn.Year, dueOn.Month, 1),
        [FeeBillTable.Columns.AmountDue] = new Money(due),
        [FeeBillTable.Columns.DueOn] = dueOn,
    };

    /// <summary>An unsaved payment of <paramref name="amount"/> against <paramref name="bill"/> (the owner is left for the pipeline to fill).</summary>
    public static Entity NewPayment(Guid bill, decimal amount, DateTime paidOn) => new(FeePaymentTable.LogicalName)
    {
        [FeePaymentTable.Columns.Name] = "缴费 / Payment",
        [FeePaymentTable.Columns.FeeBill] = new EntityReference(FeeBillTable.LogicalName, bill),
        [FeePaymentTable.Columns.Amount] = new Money(amount),
        [FeePaymentTable.Columns.PaidOn] = paidOn,
    };

    /// <summary>A seeded bill (see <see cref="NewBill"/>).</summary>
    public Guid Bill(Guid owner, decimal due, DateTime dueOn) => dataverse.Seed(NewBill(owner, due, dueOn));

    /// <summary>A seeded payment (see <see cref="NewPayment"/>): no plug-in marks it on time or awards points.</summary>
    public Guid Payment(Guid bill, decimal amount, DateTime paidOn) => dataverse.Seed(NewPayment(bill, amount, paidOn));

    /// <summary>
    /// ¥200 bills due on the 15th of each month from <paramref name="firstMonth"/> to <paramref name="lastMonth"/>
    /// (yyyy-MM), each paid two days before its due date except the months in <paramref name="unpaid"/>.
    /// </summary>
    public void MonthlyBills(Guid owner, string firstMonth, string lastMonth, params string[] unpaid)
    {
        var month = DateOnly(firstMonth + "-01");
        var last = DateOnly(lastMonth + "-01");
        for (; month <= last; month = month.AddMonths(1))
        {
            var dueOn = month.AddDays(14);
            var bill = dataverse.Seed(new Entity(FeeBillTable.LogicalName)
            {
                [FeeBillTable.Columns.Name] = "物业费 / Property fee " + month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                [FeeBillTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
                [FeeBillTable.Columns.PeriodStart] = month,
                [FeeBillTable.Columns.AmountDue] = new Money(200m),
                [FeeBillTable.Columns.DueOn] = dueOn,
            });
            if (Array.IndexOf(unpaid, month.ToString("yyyy-MM", CultureInfo.InvariantCulture)) < 0)
            {
                Payment(bill, 200m, At(dueOn.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
        }
    }

    /// <summary>Pays ¥200 on every unpaid bill of the owner on <paramref name="paidOn"/> (10:00 China time).</summary>
    public void SettleArrears(Guid owner, string paidOn)
    {
        foreach (var bill in dataverse.PeekAll(FeeBillTable.LogicalName))
        {
            var paid = false;
            foreach (var payment in dataverse.PeekAll(FeePaymentTable.LogicalName))
            {
                paid |= payment.GetAttributeValue<EntityReference>(FeePaymentTable.Columns.FeeBill)?.Id == bill.Id;
            }

            if (!paid && bill.GetAttributeValue<EntityReference>(FeeBillTable.Columns.Contact)?.Id == owner)
            {
                Payment(bill.Id, 200m, At(paidOn));
            }
        }
    }
}
