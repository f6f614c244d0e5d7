using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Plugins.Steps.Loyalty;
using PropertyCrm.Plugins.Steps.Loyalty.Sweeps;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Harness.Support;
using PropertyCrm.Tests.Loyalty.Redemption;
using static PropertyCrm.Tests.Support.RealThreads;

namespace PropertyCrm.Tests.Loyalty.Sweeps;

/// <summary>
/// The tier review on real threads (harness row locks, snapshot reads). Two review calls never overlap inside: the
/// second waits on the <c>pcrm_sweepjob</c> row, then its page query leaves out owners the first changed. The race
/// that does reach the re-read of the review-day stamp under the owner lock is an event (pcrm_RecalculateTier, a fee
/// payment) changing the tier between the review's page read and its lock of that owner.
/// </summary>
public sealed class TierReviewConcurrencyTests : IDisposable
{
    private readonly IDisposable cacheScope = LoyaltyConfigurationCache.Isolate();
    private readonly LoyaltyBed bed = new();

    public TierReviewConcurrencyTests()
    {
        // Steady state: an earlier run created the job row, so two calls wait for each other at its lock.
        bed.Dataverse.Seed(new Entity(SweepJobTable.LogicalName) { [SweepJobTable.Columns.Name] = SweepJobTable.Jobs.TierReview });
    }

    public void Dispose() => cacheScope.Dispose();

    [Fact]
    public async Task Review_TwoCallsSameDayAtOnce_LapsedOwnerDowngradedOnce()
    {
        // Four bills overdue: only Standard qualifies, so each review takes one level off.
        var lapsed = bed.Data.OwnerWithPoints(OwnerTier.Diamond);
        foreach (var month in new[] { 9, 10, 11, 12 })
        {
            bed.Data.Bill(lapsed, 1_500m, new DateTime(2024, month, 15));
        }

        using var start = new Barrier(2);
        var changed = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => OnThread(() =>
        {
            start.SignalAndWait(Bound);
            return (int)Run().Results[RunTierReviewPlugin.ChangedOutput];
        }))).WaitAsync(Bound);

        Assert.Equal(1, changed.Sum());
        Assert.Equal(OwnerTier.Gold, Tier(lapsed));
        Assert.Single(History(lapsed));
    }

    [Fact]
    public async Task Review_RecalculateTierCommitsAfterPageRead_OwnerSkippedOnReCheckUnderLock()
    {
        // 11 bills of 400 paid on time: 4,400 qualifies for Gold; the owner is Standard, so in the review's scope.
        var payer = bed.Data.OwnerWithPoints(OwnerTier.Standard);
        for (var month = 2; month <= 12; month++)
        {
            var due = new DateTime(2024, month, 15);
            bed.Data.Payment(bed.Data.Bill(payer, 400m, due), 400m, due.AddDays(-3));
        }

        // The review's second page query (billed owners) is its last read before it locks the payer: the recalculation
        // upgrades the payer and commits right there, stamping today, which the page did not see.
        Task<OrganizationResponse>? recalculation = null;
        var pageQueries = 0;
        bed.Dataverse.RegisterStep(TestSteps.On("RetrieveMultiple", ContactTable.LogicalName, PipelineStage.PostOperation, run =>
        {
            if (Interlocked.Increment(ref pageQueries) == 2)
            {
                recalculation = OnThread(() => bed.Service.Execute(new OrganizationRequest(RecalculateTierPlugin.ApiName)
                {
                    [RecalculateTierPlugin.ContactParameter] = new EntityReference(ContactTable.LogicalName, payer),
                }));

                // Waits for the commit without throwing here: a failed recalculation is reported by the await below.
                Assert.Equal(0, Task.WaitAny(new Task[] { recalculation }, Bound));
            }
        }));

        var review = await OnThread(() => Run()).WaitAsync(Bound);
        var traces = bed.Dataverse.LastExecution.Traces.SelectMany(t => t.Lines).ToList();
        await recalculation!.WaitAsync(Bound);

        Assert.Equal(0, review.Results[RunTierReviewPlugin.ChangedOutput]);
        Assert.Equal(OwnerTier.Gold, Tier(payer));
        var history = Assert.Single(History(payer));
        Assert.Equal(TierTrigger.Event, OptionValues.Read<TierTrigger>(history, TierHistoryTable.Columns.Trigger));
        Assert.Contains(traces, l => l.Contains("tier already changed on the review day", StringComparison.Ordinal));
    }

    private OrganizationResponse Run() => bed.Service.Execute(new OrganizationRequest(RunTierReviewPlugin.ApiName));

    private OwnerTier? Tier(Guid owner) => OptionValues.Read<OwnerTier>(bed.Dataverse.Peek(ContactTable.LogicalName, owner)!, ContactTable.Columns.Tier);

    private Entity[] History(Guid owner) => bed.Dataverse.PeekAll(TierHistoryTable.LogicalName)
        .Where(e => e.GetAttributeValue<EntityReference>(TierHistoryTable.Columns.Contact)?.Id == owner)
        .ToArray();
}
