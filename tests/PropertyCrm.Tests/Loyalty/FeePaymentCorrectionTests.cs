using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Steps.Loyalty;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Loyalty;

/// <summary>
/// Correcting recorded fee payments through the harness pipeline: a recorded payment cannot be edited; deleting it
/// takes back its share of the bill and its points. The clock starts at 2025-01-06 09:00 China time.
/// </summary>
public sealed class FeePaymentCorrectionTests : IDisposable
{
    // Warm configuration: reads bill (pre), contact (lock), bill (fresh), ledger, bills+payments; writes lock, bill,
    // reversal (only when the payment had points), contact.
    private const int DeleteReads = 5;
    private const int DeleteWritesWithPoints = 4;

    private readonly IDisposable cacheScope = LoyaltyConfigurationCache.Isolate();
    private readonly FakeDataverse dataverse = new FakeDataverse().WithPluginCatalog();

    public void Dispose() => cacheScope.Dispose();

    [Fact]
    public void Delete_OnTimePayment_ReversesPointsAndBillShareAndStanding()
    {
        var owner = Owner();
        var bill = Bill(owner, 1_000m, new DateTime(2025, 1, 31));
        var payment = Pay(bill, 1_000m);
        Assert.Equal(100, Balance(owner));

        dataverse.Service.Delete(FeePaymentTable.LogicalName, payment);

        var reversal = Assert.Single(Entries(owner), e => OptionValues.Read<LedgerEntryKind>(e, PointsEntryTable.Columns.Kind) == LedgerEntryKind.Reversal);
        Assert.Equal(-100, reversal.GetAttributeValue<int>(PointsEntryTable.Columns.Points));
        Assert.Equal(LedgerKeys.Earn(EarnRuleCode.OnTimeFeePayment, payment.ToString("D")), reversal.GetAttributeValue<string>(PointsEntryTable.Columns.ReversesKey));
        Assert.Equal(0, Balance(owner));
        var billRow = dataverse.Peek(FeeBillTable.LogicalName, bill)!;
        Assert.Equal(0m, billRow.GetAttributeValue<Money>(FeeBillTable.Columns.AmountPaid).Value);
        Assert.Null(billRow.GetAttributeValue<DateTime?>(FeeBillTable.Columns.PaidInFullOn));
        Assert.Equal(0m, dataverse.Row(ContactTable.LogicalName, owner).Get<Money>(ContactTable.Columns.Rolling12MonthPaid).Value);
    }

    [Fact]
    public void Delete_OneOfTwoPartPayments_BillKeepsTheOtherAndIsNoLongerPaidInFull()
    {
        var owner = Owner();
        var bill = Bill(owner, 1_000m, new DateTime(2025, 1, 31));
        Pay(bill, 600m);
        var second = Pay(bill, 400m);
        Assert.NotNull(dataverse.Row(FeeBillTable.LogicalName, bill).Get<DateTime?>(FeeBillTable.Columns.PaidInFullOn));

        dataverse.Service.Delete(FeePaymentTable.LogicalName, second);

        var billRow = dataverse.Peek(FeeBillTable.LogicalName, bill)!;
        Assert.Equal(600m, billRow.GetAttributeValue<Money>(FeeBillTable.Columns.AmountPaid).Value);
        Assert.Null(billRow.GetAttributeValue<DateTime?>(FeeBillTable.Columns.PaidInFullOn));
        Assert.Equal(60, Balance(owner));
        Assert.Equal(Entries(owner).Sum(e => e.GetAttributeValue<int>(PointsEntryTable.Columns.Points)), Balance(owner));
    }

    [Fact]
    public void Delete_LatePayment_NoPointsToReverseBillStillCorrected()
    {
        var owner = Owner();
        var bill = Bill(owner, 800m, new DateTime(2024, 12, 31));
        var payment = Pay(bill, 800m);

        dataverse.Service.Delete(FeePaymentTable.LogicalName, payment);

        Assert.Empty(Entries(owner));
        Assert.Equal(0m, dataverse.Row(FeeBillTable.LogicalName, bill).Get<Money>(FeeBillTable.Columns.AmountPaid).Value);
        Assert.Equal(0, Balance(owner));
    }

    [Fact]
    public void Delete_AfterSomePointsWereRedeemed_TakesBackOnlyWhatIsLeft()
    {
        var owner = Owner();
        var bill = Bill(owner, 1_000m, new DateTime(2025, 1, 31));
        var payment = Pay(bill, 1_000m);
        var reward = dataverse.Seed(new Entity(RewardTable.LogicalName)
        {
            [RewardTable.Columns.Name] = "物业费抵扣券 / Fee voucher",
            [RewardTable.Columns.Code] = "FEE-VOUCHER-5",
            [RewardTable.Columns.Kind] = OptionValues.ToOption(RewardKind.FeeDiscountVoucher),
            [RewardTable.Columns.PointsCost] = 70,
            [RewardTable.Columns.MinimumTier] = OptionValues.ToOption(OwnerTier.Standard),
        });
        dataverse.Service.Create(new Entity(RedemptionTable.LogicalName)
        {
            [RedemptionTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
            [RedemptionTable.Columns.Reward] = new EntityReference(RewardTable.LogicalName, reward),
        });
        Assert.Equal(30, Balance(owner));

        dataverse.Service.Delete(FeePaymentTable.LogicalName, payment);

        // The voucher has been handed over; the 30 points still standing go, the balance never goes below zero.
        Assert.Equal(0, Balance(owner));
        Assert.Equal(Entries(owner).Sum(e => e.GetAttributeValue<int>(PointsEntryTable.Columns.Points)), Balance(owner));
    }

    [Fact]
    public void Delete_WarmConfiguration_StaysWithinCallBudget()
    {
        var owner = Owner();
        var first = Bill(owner, 500m, new DateTime(2025, 1, 31));
        var payment = Pay(first, 500m);

        dataverse.Service.Delete(FeePaymentTable.LogicalName, payment);

        var calls = dataverse.LastExecution.PluginCalls.By<FeePaymentCorrectionPlugin>();
        Assert.Equal(DeleteReads, calls.Reads);
        Assert.Equal(DeleteWritesWithPoints, calls.Writes);
        Assert.Equal(0, dataverse.AllColumnsRequests);
    }

    public static TheoryData<string, object> RecordedColumns => new()
    {
        { FeePaymentTable.Columns.Amount, new Money(1m) },
        { FeePaymentTable.Columns.PaidOn, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
        { FeePaymentTable.Columns.OnTime, false },
    };

    [Theory]
    [MemberData(nameof(RecordedColumns))]
    public void Update_RecordedColumnByUser_RefusedBilinguallyNothingSaved(string column, object value)
    {
        var owner = Owner();
        var bill = Bill(owner, 1_000m, new DateTime(2025, 1, 31));
        var payment = Pay(bill, 1_000m);

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Update(new Entity(FeePaymentTable.LogicalName, payment) { [column] = value }));

        Assert.Contains("已登记的缴费不能修改", fault.Message);
        Assert.Contains("cannot be changed", fault.Message);
        Assert.Equal(1_000m, dataverse.Row(FeePaymentTable.LogicalName, payment).Get<Money>(FeePaymentTable.Columns.Amount).Value);
        Assert.Equal(100, Balance(owner));
    }

    [Fact]
    public void Update_ChannelOnly_Allowed()
    {
        var owner = Owner();
        var payment = Pay(Bill(owner, 1_000m, new DateTime(2025, 1, 31)), 1_000m);

        dataverse.Service.Update(new Entity(FeePaymentTable.LogicalName, payment) { [FeePaymentTable.Columns.Name] = "微信缴费 / WeChat payment" });

        Assert.DoesNotContain(dataverse.LastExecution.Traces, t => t.PluginType == typeof(FeePaymentCorrectionPlugin));
    }

    [Fact]
    public void DeleteOwner_ErasureKeepsPaymentsUnlinkedRemovesLedger_NothingTakenBackNothingRefused()
    {
        var owner = Owner();
        var bill = Bill(owner, 1_000m, new DateTime(2025, 1, 31));
        var payment = Pay(bill, 1_000m);

        dataverse.Service.Delete(ContactTable.LogicalName, owner);

        Assert.Equal(0, dataverse.Count(PointsEntryTable.LogicalName));
        Assert.Null(dataverse.Peek(ContactTable.LogicalName, owner));

        // Payments and bills are accounting records: the erasure clears their owner (RemoveLink, no Update event) and
        // keeps them as they were, so the correction step does not run and the bill keeps what was paid.
        Assert.Null(dataverse.Row(FeePaymentTable.LogicalName, payment).Get<EntityReference>(FeePaymentTable.Columns.Contact));
        Assert.Equal(1_000m, dataverse.Row(FeeBillTable.LogicalName, bill).Get<Money>(FeeBillTable.Columns.AmountPaid).Value);
        Assert.DoesNotContain(dataverse.LastExecution.Traces, t => t.PluginType == typeof(FeePaymentCorrectionPlugin));
    }

    private Guid Owner() => dataverse.Seed(DataProducer.NewOwner());

    private Guid Bill(Guid owner, decimal due, DateTime dueOn) => dataverse.Seed(DataProducer.NewBill(owner, due, dueOn));

    private Guid Pay(Guid bill, decimal amount)
    {
        var payment = DataProducer.NewPayment(bill, amount, dataverse.Clock.UtcNow);
        payment[FeePaymentTable.Columns.Contact] = dataverse.Row(FeeBillTable.LogicalName, bill).Get<EntityReference>(FeeBillTable.Columns.Contact);
        return dataverse.Service.Create(payment);
    }

    private int Balance(Guid owner) => dataverse.Row(ContactTable.LogicalName, owner).Get<int>(ContactTable.Columns.PointsBalance);

    private Entity[] Entries(Guid owner) => dataverse.PeekAll(PointsEntryTable.LogicalName)
        .Where(e => e.GetAttributeValue<EntityReference>(PointsEntryTable.Columns.Contact)?.Id == owner)
        .ToArray();
}
