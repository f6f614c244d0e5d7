using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Steps.Loyalty;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;
using static PropertyCrm.Tests.Support.RealThreads;
using Options = PropertyCrm.Schema.OptionSets;

namespace PropertyCrm.Tests.Loyalty;

/// <summary>
/// Points on fee payments, the pcrm_AwardPoints / pcrm_RecalculateTier APIs, tiering and the append-only ledger,
/// through the harness pipeline. The clock starts at 2025-01-06 09:00 China time.
/// </summary>
public sealed class LoyaltyAwardTests : IDisposable
{
    // Call budgets (warm configuration): a fee payment reads bill (pre-operation), contact (owner lock), the bill's paid
    // amount under the lock, ledger page, bills+payments and writes lock, bill, entry, contact (+ history on a tier
    // change); an API award reads contact (lock), ledger, bills and writes lock, entry, contact (+ history). A cold
    // configuration adds two reads (earning rules, tier policy).
    private const int PaymentReads = 5;
    private const int PaymentWritesWithoutTierChange = 4;
    private const int ApiAwardReads = 3;
    private const int ApiAwardWrites = 3;
    private const int ConfigurationReads = 2;

    private readonly IDisposable cacheScope = LoyaltyConfigurationCache.Isolate();
    private readonly FakeDataverse dataverse = new FakeDataverse().WithPluginCatalog();
    private readonly Guid agent;

    public LoyaltyAwardTests()
    {
        agent = dataverse.CreateUser("收费员 Cashier");
    }

    public void Dispose() => cacheScope.Dispose();

    [Fact]
    public void PaymentCreate_OnTime_MarksOnTimeAwardsPointsUpdatesBillAndBalance()
    {
        var owner = Owner();
        var bill = Bill(owner, 1_000m, new DateTime(2025, 1, 31));

        var payment = Pay(bill, 1_000m);

        Assert.True(dataverse.Row(FeePaymentTable.LogicalName, payment).Get<bool>(FeePaymentTable.Columns.OnTime));
        var entry = Assert.Single(Entries(owner));
        Assert.Equal(100, entry.GetAttributeValue<int>(PointsEntryTable.Columns.Points));
        Assert.Equal(LedgerKeys.Earn(EarnRuleCode.OnTimeFeePayment, payment.ToString("D")), entry.GetAttributeValue<string>(PointsEntryTable.Columns.IdempotencyKey));
        Assert.Equal(Options.EarnRule.OnTimeFeePayment, entry.GetAttributeValue<OptionSetValue>(PointsEntryTable.Columns.Rule).Value);
        Assert.Equal(new DateTime(2027, 12, 31), entry.GetAttributeValue<DateTime>(PointsEntryTable.Columns.ExpiresOn).Date);
        var billRow = dataverse.Peek(FeeBillTable.LogicalName, bill)!;
        Assert.Equal(1_000m, billRow.GetAttributeValue<Money>(FeeBillTable.Columns.AmountPaid).Value);
        Assert.NotNull(billRow.GetAttributeValue<DateTime?>(FeeBillTable.Columns.PaidInFullOn));
        var contact = dataverse.Peek(ContactTable.LogicalName, owner)!;
        Assert.Equal(100, contact.GetAttributeValue<int>(ContactTable.Columns.PointsBalance));
        Assert.Equal(1_000m, contact.GetAttributeValue<Money>(ContactTable.Columns.Rolling12MonthPaid).Value);
        Assert.Equal(0, dataverse.AllColumnsRequests);
    }

    [Fact]
    public void PaymentCreate_Late_MarksLateAwardsNothingButUpdatesStanding()
    {
        var owner = Owner();
        var bill = Bill(owner, 800m, new DateTime(2024, 12, 31));

        var payment = Pay(bill, 800m);

        Assert.False(dataverse.Row(FeePaymentTable.LogicalName, payment).Get<bool>(FeePaymentTable.Columns.OnTime));
        Assert.Empty(Entries(owner));
        var contact = dataverse.Peek(ContactTable.LogicalName, owner)!;
        Assert.Equal(0, contact.GetAttributeValue<int>(ContactTable.Columns.PointsBalance));
        Assert.Equal(800m, contact.GetAttributeValue<Money>(ContactTable.Columns.Rolling12MonthPaid).Value);
    }

    [Fact]
    public void PaymentCreate_WarmConfiguration_StaysWithinCallBudget()
    {
        var owner = Owner();
        var first = Bill(owner, 500m, new DateTime(2025, 1, 31));
        var second = Bill(owner, 500m, new DateTime(2025, 2, 28));
        Pay(first, 500m);
        Assert.Equal(PaymentReads + ConfigurationReads, dataverse.LastExecution.PluginCalls.Reads);

        Pay(second, 500m);

        Assert.Equal(PaymentReads, dataverse.LastExecution.PluginCalls.Reads);
        Assert.Equal(PaymentWritesWithoutTierChange, dataverse.LastExecution.PluginCalls.Writes);
        Assert.Equal(2, Entries(owner).Length);
    }

    [Fact]
    public async Task PaymentCreate_TwoBillsOfOneOwnerPaidOnThreads_BothAwardedBalanceEqualsLedgerSum()
    {
        var owner = Owner();
        var bills = new[] { Bill(owner, 500m, new DateTime(2025, 1, 31)), Bill(owner, 300m, new DateTime(2025, 2, 28)) };
        using var start = new Barrier(bills.Length);

        await Task.WhenAll(bills.Select(bill => OnThread(() =>
        {
            start.SignalAndWait(Bound);
            return Pay(bill, dataverse.Row(FeeBillTable.LogicalName, bill).Get<Money>(FeeBillTable.Columns.AmountDue).Value);
        }))).WaitAsync(Bound);

        var entries = Entries(owner);
        Assert.Equal(new[] { 30, 50 }, entries.Select(e => e.GetAttributeValue<int>(PointsEntryTable.Columns.Points)).OrderBy(p => p).ToArray());
        Assert.Equal(new[] { 1, 2 }, entries.Select(e => e.GetAttributeValue<int>(PointsEntryTable.Columns.Sequence)).OrderBy(q => q).ToArray());
        Assert.Equal(80, Balance(owner));
        Assert.Equal(800m, dataverse.Row(ContactTable.LogicalName, owner).Get<Money>(ContactTable.Columns.Rolling12MonthPaid).Value);
    }

    [Fact]
    public async Task PaymentCreate_TwoPartPaymentsOfOneBillOnThreads_AmountPaidAddsUpPaidInFullOnce()
    {
        var owner = Owner();
        var bill = Bill(owner, 1_000m, new DateTime(2025, 1, 31));
        using var start = new Barrier(2);

        await Task.WhenAll(new[] { 600m, 400m }.Select(amount => OnThread(() =>
        {
            start.SignalAndWait(Bound);
            return Pay(bill, amount);
        }))).WaitAsync(Bound);

        var billRow = dataverse.Peek(FeeBillTable.LogicalName, bill)!;
        Assert.Equal(1_000m, billRow.GetAttributeValue<Money>(FeeBillTable.Columns.AmountPaid).Value);
        Assert.NotNull(billRow.GetAttributeValue<DateTime?>(FeeBillTable.Columns.PaidInFullOn));
        Assert.Equal(2, Entries(owner).Length);
        Assert.Equal(100, Balance(owner));
    }

    [Fact]
    public async Task AwardPoints_SameSourceOnThreads_AwardedOnceOtherAlreadyApplied()
    {
        var owner = Owner();
        using var start = new Barrier(3);

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => OnThread(() =>
        {
            start.SignalAndWait(Bound);
            return Award(owner, Options.EarnRule.CommunityEventAttended, "event-42");
        }))).WaitAsync(Bound);

        Assert.Single(responses, r => !(bool)r.Results[AwardPointsPlugin.AlreadyAppliedOutput]);
        Assert.Single(Entries(owner));
        Assert.Equal(50, Balance(owner));
    }

    [Fact]
    public async Task AwardPoints_DifferentEventsOnThreadsNearTheCap_CapHoldsBalanceEqualsLedgerSum()
    {
        var owner = Owner();
        using var start = new Barrier(6);

        await Task.WhenAll(Enumerable.Range(1, 6).Select(i => OnThread(() =>
        {
            start.SignalAndWait(Bound);
            return Award(owner, Options.EarnRule.CommunityEventAttended, "event-" + i);
        }))).WaitAsync(Bound);

        // Community events: 50 points each, monthly cap 200, so exactly four entries whatever the interleaving.
        Assert.Equal(4, Entries(owner).Length);
        Assert.Equal(200, Balance(owner));
        Assert.Equal(Entries(owner).Sum(e => e.GetAttributeValue<int>(PointsEntryTable.Columns.Points)), Balance(owner));
    }

    [Fact]
    public void PaymentCreate_QualifiesForSilver_UpgradesAtOnceWithHistoryRow()
    {
        var owner = Owner();
        var bill = Bill(owner, 2_500m, new DateTime(2025, 1, 31));

        Pay(bill, 2_500m);

        var contact = dataverse.Peek(ContactTable.LogicalName, owner)!;
        Assert.Equal(OwnerTier.Silver, OptionValues.Read<OwnerTier>(contact, ContactTable.Columns.Tier));
        Assert.NotNull(contact.GetAttributeValue<DateTime?>(ContactTable.Columns.TierChangedOn));
        var history = Assert.Single(dataverse.PeekAll(TierHistoryTable.LogicalName));
        Assert.Equal(OwnerTier.Standard, OptionValues.Read<OwnerTier>(history, TierHistoryTable.Columns.FromTier));
        Assert.Equal(OwnerTier.Silver, OptionValues.Read<OwnerTier>(history, TierHistoryTable.Columns.ToTier));
        Assert.Equal(Options.TierTrigger.Event, history.GetAttributeValue<OptionSetValue>(TierHistoryTable.Columns.Trigger).Value);
        Assert.Equal(PaymentWritesWithoutTierChange + 1, dataverse.LastExecution.PluginCalls.Writes);
    }

    [Fact]
    public void RecalculateTier_GoldOwnerNoLongerQualifies_NoDowngradeOutsideReview()
    {
        var owner = Owner(OwnerTier.Gold);

        var response = dataverse.ServiceFor(agent).Execute(new OrganizationRequest(RecalculateTierPlugin.ApiName)
        {
            [RecalculateTierPlugin.ContactParameter] = new EntityReference(ContactTable.LogicalName, owner),
        });

        Assert.Equal(OptionValues.ToOption(OwnerTier.Gold).Value, ((OptionSetValue)response.Results[RecalculateTierPlugin.TierOutput]).Value);
        Assert.False((bool)response.Results[RecalculateTierPlugin.ChangedOutput]);
        Assert.Equal(OwnerTier.Gold, OptionValues.Read<OwnerTier>(dataverse.Peek(ContactTable.LogicalName, owner), ContactTable.Columns.Tier));
        Assert.Empty(dataverse.PeekAll(TierHistoryTable.LogicalName));
    }

    [Fact]
    public void AwardPoints_SameCallTwice_OneEntryAlreadyApplied()
    {
        var owner = Owner();

        var first = Award(owner, Options.EarnRule.SurveyCompleted, "survey-1");
        var second = Award(owner, Options.EarnRule.SurveyCompleted, "survey-1");

        Assert.False((bool)first.Results[AwardPointsPlugin.AlreadyAppliedOutput]);
        Assert.True((bool)second.Results[AwardPointsPlugin.AlreadyAppliedOutput]);
        Assert.Equal(first.Results[AwardPointsPlugin.EntryIdOutput], second.Results[AwardPointsPlugin.EntryIdOutput]);
        Assert.Equal(20, (int)second.Results[AwardPointsPlugin.BalanceOutput]);
        Assert.Single(Entries(owner));
        Assert.Equal(ApiAwardReads - 1, dataverse.LastExecution.PluginCalls.Reads);
        Assert.Equal(1, dataverse.LastExecution.PluginCalls.Writes); // the owner lock only
    }

    [Fact]
    public void AwardPoints_BeyondMonthlyCap_AwardsUpToCapThenNothing()
    {
        var owner = Owner();

        var responses = Enumerable.Range(1, 5).Select(i => Award(owner, Options.EarnRule.CommunityEventAttended, "event-" + i)).ToArray();

        Assert.Equal(new[] { 50, 50, 50, 50, 0 }, responses.Select(r => (int)r.Results[AwardPointsPlugin.PointsOutput]).ToArray());
        Assert.Equal(Guid.Empty, (Guid)responses[4].Results[AwardPointsPlugin.EntryIdOutput]);
        Assert.Equal(4, Entries(owner).Length);
        Assert.Equal(200, dataverse.Row(ContactTable.LogicalName, owner).Get<int>(ContactTable.Columns.PointsBalance));
        Assert.Equal(ApiAwardReads, dataverse.Executions[dataverse.Executions.Count - 2].PluginCalls.Reads);
        Assert.Equal(ApiAwardWrites, dataverse.Executions[dataverse.Executions.Count - 2].PluginCalls.Writes);
    }

    [Fact]
    public void AwardPoints_DisabledRule_Refused()
    {
        var owner = Owner();
        dataverse.Seed(new Entity(EarningRuleTable.LogicalName)
        {
            [EarningRuleTable.Columns.Name] = "推荐 / Referral",
            [EarningRuleTable.Columns.Rule] = new OptionSetValue(Options.EarnRule.Referral),
            [EarningRuleTable.Columns.Enabled] = false,
        });

        var fault = Assert.Throws<DataverseFaultException>(() => Award(owner, Options.EarnRule.Referral, "referral-1"));

        Assert.Contains("已停用", fault.Message);
        Assert.Empty(Entries(owner));
    }

    [Fact]
    public void AwardPoints_AdminRuleRow_OverridesDefaultPoints()
    {
        var owner = Owner();
        dataverse.Seed(new Entity(EarningRuleTable.LogicalName)
        {
            [EarningRuleTable.Columns.Name] = "问卷 / Survey",
            [EarningRuleTable.Columns.Rule] = new OptionSetValue(Options.EarnRule.SurveyCompleted),
            [EarningRuleTable.Columns.PointsPerEvent] = 30,
        });

        var response = Award(owner, Options.EarnRule.SurveyCompleted, "survey-9");

        Assert.Equal(30, (int)response.Results[AwardPointsPlugin.PointsOutput]);
    }

    [Theory]
    [InlineData(Options.EarnRule.OnTimeFeePayment)]
    [InlineData(548210099)]
    public void AwardPoints_FeeOrUnknownRule_Refused(int rule)
    {
        var owner = Owner();

        var fault = Assert.Throws<DataverseFaultException>(() => Award(owner, rule, "x-1"));

        Assert.Contains(" / ", fault.Message);
        Assert.Empty(Entries(owner));
    }

    [Fact]
    public void LedgerEntry_UpdateOrDelete_Refused()
    {
        var owner = Owner();
        Award(owner, Options.EarnRule.SurveyCompleted, "survey-2");
        var entry = Entries(owner).Single();

        var update = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Update(new Entity(PointsEntryTable.LogicalName, entry.Id)
        {
            [PointsEntryTable.Columns.Points] = 9_999,
        }));
        var delete = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Delete(PointsEntryTable.LogicalName, entry.Id));

        Assert.Contains(PointsLedgerGuardPlugin.ChangeRefused, update.Message);
        Assert.Contains(PointsLedgerGuardPlugin.ChangeRefused, delete.Message);
        Assert.Equal(20, dataverse.Row(PointsEntryTable.LogicalName, entry.Id).Get<int>(PointsEntryTable.Columns.Points));
    }

    [Fact]
    public void LedgerEntry_DirectCreateByUser_Refused()
    {
        var owner = Owner();
        var entry = PointsLedgerEntry.Earn(
            "earn:manual:1",
            1,
            EarnRuleCode.Referral,
            "manual",
            5_000,
            new DateTimeOffset(dataverse.Clock.UtcNow),
            new PropertyCrm.Domain.Loyalty.ChinaDate(2027, 12, 31),
            "手工 / Manual");

        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.ServiceFor(agent).Create(LedgerStore.ToRow(owner, entry)));

        Assert.Contains(PointsLedgerGuardPlugin.DirectCreateRefused, fault.Message);
        Assert.Empty(Entries(owner));
    }

    [Fact]
    public void Balance_AfterPaymentsAndAwards_EqualsLedgerSum()
    {
        var owner = Owner();
        Pay(Bill(owner, 1_234m, new DateTime(2025, 1, 31)), 1_234m);
        Award(owner, Options.EarnRule.FirstAppUse, "app");
        Award(owner, Options.EarnRule.SuggestionAdopted, "suggestion-1");
        Pay(Bill(owner, 300m, new DateTime(2025, 2, 28)), 100m);

        var sum = Entries(owner).Sum(e => e.GetAttributeValue<int>(PointsEntryTable.Columns.Points));
        Assert.Equal(123 + 100 + 100 + 10, sum);
        Assert.Equal(sum, dataverse.Row(ContactTable.LogicalName, owner).Get<int>(ContactTable.Columns.PointsBalance));
        Assert.Equal(sum, LedgerStore.Read(dataverse.Service, owner).Balance);
    }

    [Fact]
    public void AwardPoints_BalanceChanges_ContactWrittenOnceVersionChanges()
    {
        var owner = Owner();
        Award(owner, Options.EarnRule.SurveyCompleted, "survey-0");   // the first award computes the stored standing once
        var before = dataverse.Peek(ContactTable.LogicalName, owner)!.RowVersion;

        Award(owner, Options.EarnRule.CommunityEventAttended, "event-1");

        // The balance changes, so the contact is written once (that column only); the lock itself is on the account row.
        Assert.Equal(70, Balance(owner));
        Assert.NotEqual(before, dataverse.Peek(ContactTable.LogicalName, owner)!.RowVersion);
        Assert.Equal(ApiAwardWrites, dataverse.LastExecution.PluginCalls.Writes);
    }

    [Fact]
    public void AwardPoints_CappedAwardEarnsZero_ContactVersionUnchangedNoContactUpdateStep()
    {
        var owner = Owner();
        for (var i = 1; i <= 4; i++)
        {
            Award(owner, Options.EarnRule.CommunityEventAttended, "event-" + i);
        }

        var before = dataverse.Peek(ContactTable.LogicalName, owner)!.RowVersion;

        Award(owner, Options.EarnRule.CommunityEventAttended, "event-5");   // monthly cap 200 reached: earns 0

        AssertContactUntouched(owner, before);
        Assert.Equal(200, Balance(owner));
    }

    [Fact]
    public void AwardPoints_Replayed_ContactVersionUnchangedNoContactUpdateStep()
    {
        var owner = Owner();
        Award(owner, Options.EarnRule.CommunityEventAttended, "event-42");
        var before = dataverse.Peek(ContactTable.LogicalName, owner)!.RowVersion;

        Award(owner, Options.EarnRule.CommunityEventAttended, "event-42");

        AssertContactUntouched(owner, before);
    }

    [Fact]
    public void RecalculateTier_NothingChanged_ContactVersionUnchangedNoContactUpdateStep()
    {
        var owner = Owner();
        Pay(Bill(owner, 500m, new DateTime(2025, 1, 31)), 500m);
        var before = dataverse.Peek(ContactTable.LogicalName, owner)!.RowVersion;

        dataverse.Service.Execute(new OrganizationRequest(RecalculateTierPlugin.ApiName)
        {
            [RecalculateTierPlugin.ContactParameter] = new EntityReference(ContactTable.LogicalName, owner),
        });

        AssertContactUntouched(owner, before);
    }

    // Nothing shown on the contact changed: its version stays (clients' optimistic concurrency holds), and no contact
    // Update step or "modified" trigger runs. The only writes are on the account row (the lock).
    private void AssertContactUntouched(Guid owner, string? before)
    {
        Assert.Equal(before, dataverse.Peek(ContactTable.LogicalName, owner)!.RowVersion);
        Assert.Equal(0, dataverse.LastExecution.Traces.Count(t => t.MessageName == "Update" && t.PrimaryEntityName == ContactTable.LogicalName));
        Assert.Equal(1, dataverse.LastExecution.PluginCalls.Writes);
    }

    // Seeded (no Create pipeline), so the account the contact's Create step would make is seeded too; the account's
    // creation with the contact and by the lock's upsert for older owners is covered by OwnerLockTests.
    private Guid Owner(OwnerTier tier = OwnerTier.Standard)
    {
        var owner = dataverse.Seed(DataProducer.NewOwner(tier));
        dataverse.Seed(new Entity(LoyaltyAccountTable.LogicalName)
        {
            [LoyaltyAccountTable.Columns.Name] = "账户",
            [LoyaltyAccountTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, owner),
        });
        return owner;
    }

    private Guid Bill(Guid owner, decimal due, DateTime dueOn) => dataverse.Seed(DataProducer.NewBill(owner, due, dueOn));

    private Guid Pay(Guid bill, decimal amount) => dataverse.ServiceFor(agent).Create(DataProducer.NewPayment(bill, amount, dataverse.Clock.UtcNow));

    private OrganizationResponse Award(Guid owner, int rule, string source) => dataverse.ServiceFor(agent).Execute(new OrganizationRequest(AwardPointsPlugin.ApiName)
    {
        [AwardPointsPlugin.ContactParameter] = new EntityReference(ContactTable.LogicalName, owner),
        [AwardPointsPlugin.RuleParameter] = new OptionSetValue(rule),
        [AwardPointsPlugin.SourceIdParameter] = source,
    });

    private int Balance(Guid owner) => dataverse.Row(ContactTable.LogicalName, owner).Get<int>(ContactTable.Columns.PointsBalance);

    private Entity[] Entries(Guid owner) => dataverse.PeekAll(PointsEntryTable.LogicalName)
        .Where(e => e.GetAttributeValue<EntityReference>(PointsEntryTable.Columns.Contact)?.Id == owner)
        .ToArray();
}
