using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Steps.Loyalty.Sweeps;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Loyalty.Redemption;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Loyalty.Sweeps;

/// <summary>
/// pcrm_RunTierReview through the harness. Call budget (warm configuration): 2 queries per page; per owner in scope
/// 4 reads (lock, contact, ledger, bills with payments) and 2 writes (lock, contact), + 1 create (history) per change.
/// Owners already changed on the review day are not in scope and cost nothing.
/// </summary>
public sealed class TierReviewTests : IDisposable
{
    private readonly IDisposable cacheScope = LoyaltyConfigurationCache.Isolate();
    private readonly LoyaltyBed bed = new();

    [Fact]
    public void Review_DiamondOwnerWhoStoppedPaying_DropsOneLevelPerReviewAndTwiceChangesNothing()
    {
        // The clock starts on 2025-01-06; four bills overdue: only Standard qualifies.
        var lapsed = bed.Data.OwnerWithPoints(OwnerTier.Diamond);
        foreach (var month in new[] { 9, 10, 11, 12 })
        {
            Bill(lapsed, 1_500m, new DateTime(2024, month, 15), paidOn: null);
        }

        var first = Run();
        Assert.Equal(1, first.Results[RunTierReviewPlugin.ProcessedOutput]);
        Assert.Equal(1, first.Results[RunTierReviewPlugin.ChangedOutput]);
        Assert.Equal(false, first.Results[RunTierReviewPlugin.MoreRecordsOutput]);
        Assert.Equal(string.Empty, first.Results[RunTierReviewPlugin.ContinuationTokenOutput]);
        Assert.Equal(OwnerTier.Gold, Tier(lapsed));
        var history = Assert.Single(History(lapsed));
        Assert.Equal(OwnerTier.Diamond, OptionValues.Read<OwnerTier>(history, TierHistoryTable.Columns.FromTier));
        Assert.Equal(OwnerTier.Gold, OptionValues.Read<OwnerTier>(history, TierHistoryTable.Columns.ToTier));
        Assert.Equal(TierTrigger.PeriodicReview, OptionValues.Read<TierTrigger>(history, TierHistoryTable.Columns.Trigger));

        // Same review day, later instant (a retried flow): nothing to do, nothing read but the two page queries
        // (+2 configuration reads: the cache's 5-minute lifetime has passed).
        bed.Dataverse.Clock.AdvanceBy(TimeSpan.FromHours(2));
        var again = Run();
        Assert.Equal(0, again.Results[RunTierReviewPlugin.ProcessedOutput]);
        Assert.Equal(0, again.Results[RunTierReviewPlugin.ChangedOutput]);
        Assert.Equal(2 + 2 + SweepJobCalls.Reads, bed.Dataverse.LastExecution.PluginCalls.Reads);
        Assert.Equal(0 + SweepJobCalls.Writes, bed.Dataverse.LastExecution.PluginCalls.Writes);
        Assert.Equal(OwnerTier.Gold, Tier(lapsed));
        Assert.Single(History(lapsed));

        // Next month's review: one more level.
        bed.Dataverse.Clock.SetClock(new DateTime(2025, 2, 6, 1, 0, 0, DateTimeKind.Utc));
        Assert.Equal(1, Run().Results[RunTierReviewPlugin.ChangedOutput]);
        Assert.Equal(OwnerTier.Silver, Tier(lapsed));
        Assert.Equal(2, History(lapsed).Length);

        bed.Dataverse.Clock.SetClock(new DateTime(2025, 3, 6, 1, 0, 0, DateTimeKind.Utc));
        Assert.Equal(1, Run().Results[RunTierReviewPlugin.ChangedOutput]);
        Assert.Equal(OwnerTier.Standard, Tier(lapsed));
        Assert.Equal(3, History(lapsed).Length);

        // Standard with bills stays in scope, is re-assessed and not changed.
        bed.Dataverse.Clock.SetClock(new DateTime(2025, 4, 6, 1, 0, 0, DateTimeKind.Utc));
        var settled = Run();
        Assert.Equal(1, settled.Results[RunTierReviewPlugin.ProcessedOutput]);
        Assert.Equal(0, settled.Results[RunTierReviewPlugin.ChangedOutput]);
        Assert.Equal(3, History(lapsed).Length);
    }

    [Fact]
    public void Review_OwnerWhoNowQualifiesHigher_IsUpgradedAndOthersKeepTheirTier()
    {
        // 11 bills of 400 paid on time in the last 12 months: 4,400 > Gold's 3,500.
        var payer = bed.Data.OwnerWithPoints(OwnerTier.Standard);
        for (var month = 2; month <= 12; month++)
        {
            var due = new DateTime(2024, month, 15);
            Bill(payer, 400m, due, paidOn: due.AddDays(-3));
        }

        var steady = bed.Data.OwnerWithPoints(OwnerTier.Silver);
        for (var month = 2; month <= 12; month++)
        {
            var due = new DateTime(2024, month, 15);
            Bill(steady, 200m, due, paidOn: due.AddDays(-3));
        }

        var outsider = bed.Data.OwnerWithPoints(OwnerTier.Standard);

        var response = Run();

        Assert.Equal(2, response.Results[RunTierReviewPlugin.ProcessedOutput]);
        Assert.Equal(1, response.Results[RunTierReviewPlugin.ChangedOutput]);
        Assert.Equal(OwnerTier.Gold, Tier(payer));
        Assert.Equal(OwnerTier.Silver, Tier(steady));
        Assert.Equal(OwnerTier.Standard, Tier(outsider));
        var history = Assert.Single(History(payer));
        Assert.Equal(OwnerTier.Standard, OptionValues.Read<OwnerTier>(history, TierHistoryTable.Columns.FromTier));
        Assert.Empty(History(steady));
        Assert.Empty(History(outsider));
        Assert.Equal(4_400m, bed.Dataverse.Row(ContactTable.LogicalName, payer).Get<Money>(ContactTable.Columns.Rolling12MonthPaid).Value);

        // Call budget: 2 configuration reads (cold cache), 2 page queries; per owner 3 reads (contact under the lock,
        // ledger, bills) + 2 writes (lock, contact: both owners' standing is computed for the first time); 1 history row
        // for the one change. Changed with the account lock: + 1 write per owner, because this is each owner's first lock,
        // which creates the loyalty account and gives it the contact's owner.
        var calls = bed.Dataverse.LastExecution.PluginCalls;
        Assert.Equal(2 + 2 + (2 * 3) + SweepJobCalls.Reads, calls.Reads);
        Assert.Equal((2 * 2) + 2 + 1 + SweepJobCalls.Writes, calls.Writes);
        Assert.Equal(0, bed.Dataverse.AllColumnsRequests);

        var again = Run();
        Assert.Equal(2 + 3 + SweepJobCalls.Reads, bed.Dataverse.LastExecution.PluginCalls.Reads);
        Assert.Equal(1, again.Results[RunTierReviewPlugin.ProcessedOutput]);
        Assert.Equal(0, again.Results[RunTierReviewPlugin.ChangedOutput]);
        Assert.Single(History(payer));
    }

    [Fact]
    public void Review_SmallPagesAndNoBudget_ResumesWithTokenUntilDone()
    {
        var owners = Enumerable.Range(0, 3).Select(_ => bed.Data.OwnerWithPoints(OwnerTier.Gold)).ToArray();

        string? token = null;
        var calls = 0;
        var changed = 0;
        while (true)
        {
            var response = Run(pageSize: 1, budgetSeconds: 0, token: token);
            calls++;
            changed += (int)response.Results[RunTierReviewPlugin.ChangedOutput];
            Assert.True((int)response.Results[RunTierReviewPlugin.ProcessedOutput] <= 1);
            if (!(bool)response.Results[RunTierReviewPlugin.MoreRecordsOutput])
            {
                break;
            }

            token = (string)response.Results[RunTierReviewPlugin.ContinuationTokenOutput];
            Assert.StartsWith("t1:", token);
            Assert.True(calls < 10);
        }

        Assert.Equal(3, changed);
        Assert.All(owners, o => Assert.Equal(OwnerTier.Silver, Tier(o)));
        Assert.All(owners, o => Assert.Single(History(o)));
    }

    [Fact]
    public void Run_BudgetZero_ReviewsOneOwnerThenResumesWithToken()
    {
        var owners = Enumerable.Range(0, 3).Select(_ => bed.Data.OwnerWithPoints(OwnerTier.Silver)).ToArray();

        // Budget 0: the call is over budget from the start, so it reviews exactly one owner and hands back a token.
        var first = Run(pageSize: 10, budgetSeconds: 0);
        Assert.Equal(1, first.Results[RunTierReviewPlugin.ProcessedOutput]);
        Assert.True((bool)first.Results[RunTierReviewPlugin.MoreRecordsOutput]);
        var token = (string)first.Results[RunTierReviewPlugin.ContinuationTokenOutput];
        Assert.NotEmpty(token);

        var rest = Run(pageSize: 10, token: token);
        Assert.Equal(2, rest.Results[RunTierReviewPlugin.ProcessedOutput]);
        Assert.False((bool)rest.Results[RunTierReviewPlugin.MoreRecordsOutput]);
        Assert.All(owners, o => Assert.Equal(OwnerTier.Standard, Tier(o)));
    }

    [Fact]
    public void Run_TokenOfAnotherSweepOrFutureAsOf_RefusedBilingually()
    {
        var fault = Assert.Throws<DataverseFaultException>(() => Run(token: "x1:" + Guid.NewGuid().ToString("N")));
        Assert.Contains("续扫令牌无效", fault.Message);
        Assert.Contains("Invalid continuation token", fault.Message);

        var future = Assert.Throws<DataverseFaultException>(() => Run(asOf: bed.Dataverse.Clock.UtcNow.AddDays(1)));
        Assert.Contains("截至时间不能晚于现在", future.Message);
    }

    public void Dispose() => cacheScope.Dispose();

    private OwnerTier? Tier(Guid owner) => OptionValues.Read<OwnerTier>(bed.Dataverse.Peek(ContactTable.LogicalName, owner)!, ContactTable.Columns.Tier);

    private Entity[] History(Guid owner) =>
        bed.Dataverse.PeekAll(TierHistoryTable.LogicalName)
            .Where(e => e.GetAttributeValue<EntityReference>(TierHistoryTable.Columns.Contact)?.Id == owner)
            .OrderBy(e => e.GetAttributeValue<DateTime>(TierHistoryTable.Columns.ChangedOn))
            .ToArray();

    private void Bill(Guid owner, decimal due, DateTime dueOn, DateTime? paidOn)
    {
        var bill = bed.Dataverse.Seed(DataProducer.NewBill(owner, due, dueOn));
        if (paidOn.HasValue)
        {
            bed.Dataverse.Seed(DataProducer.NewPayment(bill, due, DateTime.SpecifyKind(paidOn.Value.AddHours(2), DateTimeKind.Utc)));
        }
    }

    private OrganizationResponse Run(DateTime? asOf = null, int? pageSize = null, int? budgetSeconds = null, string? token = null)
    {
        var request = new OrganizationRequest(RunTierReviewPlugin.ApiName);
        if (asOf.HasValue)
        {
            request[RunTierReviewPlugin.AsOfParameter] = asOf.Value;
        }

        if (pageSize.HasValue)
        {
            request[RunTierReviewPlugin.PageSizeParameter] = pageSize.Value;
        }

        if (budgetSeconds.HasValue)
        {
            request[RunTierReviewPlugin.TimeBudgetSecondsParameter] = budgetSeconds.Value;
        }

        if (token != null)
        {
            request[RunTierReviewPlugin.ContinuationTokenParameter] = token;
        }

        return bed.Service.Execute(request);
    }
}
