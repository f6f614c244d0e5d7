using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Loyalty;

/// <summary>
/// Deleting fee bills (pcrm_feepayment_feebill cascades): a bill with payments is refused on its own; the owner's erasure
/// keeps bills and payments as accounting records, their owner link cleared (RemoveLink from the shipped relationships).
/// </summary>
public sealed class FeeBillDeleteTests : IDisposable
{
    private readonly IDisposable cacheScope = LoyaltyConfigurationCache.Isolate();
    private readonly FakeDataverse dataverse = new FakeDataverse().WithPluginCatalog();

    public void Dispose() => cacheScope.Dispose();

    [Fact]
    public void DeleteBill_WithPayments_RefusedBilinguallyNothingDeleted()
    {
        var owner = dataverse.Seed(DataProducer.NewOwner());
        var bill = dataverse.Seed(DataProducer.NewBill(owner, 1_000m, new DateTime(2025, 1, 31)));
        Pay(bill, 400m);

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Delete(FeeBillTable.LogicalName, bill));

        Assert.Contains("该账单已有缴费记录,不能删除", fault.Message);
        Assert.Contains("This bill has payments and cannot be deleted", fault.Message);
        Assert.NotNull(dataverse.Peek(FeeBillTable.LogicalName, bill));
        Assert.Equal(1, dataverse.Count(FeePaymentTable.LogicalName));
    }

    [Fact]
    public void DeleteBill_PaymentsDeletedFirst_DeletedWithPointsTakenBack()
    {
        var owner = dataverse.Seed(DataProducer.NewOwner());
        var bill = dataverse.Seed(DataProducer.NewBill(owner, 1_000m, new DateTime(2025, 1, 31)));
        var payment = Pay(bill, 1_000m);

        dataverse.Service.Delete(FeePaymentTable.LogicalName, payment);
        dataverse.Service.Delete(FeeBillTable.LogicalName, bill);

        Assert.Null(dataverse.Peek(FeeBillTable.LogicalName, bill));
        Assert.Equal(0, dataverse.Peek(ContactTable.LogicalName, owner)!.GetAttributeValue<int>(ContactTable.Columns.PointsBalance));
    }

    [Fact]
    public void DeleteOwner_Erasure_KeepsBillAndPaymentUnlinkedRemovesLedger()
    {
        var owner = dataverse.Seed(DataProducer.NewOwner());
        var bill = dataverse.Seed(DataProducer.NewBill(owner, 1_000m, new DateTime(2025, 1, 31)));
        var payment = Pay(bill, 1_000m);
        Assert.Equal(1, dataverse.Count(PointsEntryTable.LogicalName));

        dataverse.Service.Delete(ContactTable.LogicalName, owner);

        Assert.Null(dataverse.Peek(ContactTable.LogicalName, owner));
        Assert.Null(dataverse.Peek(FeeBillTable.LogicalName, bill)!.GetAttributeValue<EntityReference>(FeeBillTable.Columns.Contact));
        Assert.Null(dataverse.Peek(FeePaymentTable.LogicalName, payment)!.GetAttributeValue<EntityReference>(FeePaymentTable.Columns.Contact));
        Assert.Equal(0, dataverse.Count(PointsEntryTable.LogicalName));
        Assert.Null(dataverse.LastExecution.Error);
    }

    private Guid Pay(Guid bill, decimal amount)
    {
        var payment = DataProducer.NewPayment(bill, amount, dataverse.Clock.UtcNow);
        payment[FeePaymentTable.Columns.Contact] = dataverse.Peek(FeeBillTable.LogicalName, bill)!.GetAttributeValue<EntityReference>(FeeBillTable.Columns.Contact);
        return dataverse.Service.Create(payment);
    }
}
