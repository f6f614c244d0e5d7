using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Plugins.Steps.Loyalty.Redemption;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Harness.Support;
using PropertyCrm.Tests.Support;
using static PropertyCrm.Tests.Support.RealThreads;
using Reasons = PropertyCrm.Schema.Tables.RedemptionTable.StatusReasons;

namespace PropertyCrm.Tests.Loyalty.Redemption;

/// <summary>
/// Cancelling a pcrm_redemption (pre-operation Update of its status) through the harness pipeline. Call budget
/// (plug-in calls): every status change from Requested/Fulfilled reads 2 / writes 1 (owner lock, then the redemption's
/// status read again under it: the pre-image may predate a committed cancel, see the Fulfil_CancelCommits… test; was 0
/// for a change that does not cancel). Cancelling, unlimited stock: reads 4 (owner, status, ledger, reward stock) /
/// writes 3 (owner lock, reversal, balance); limited stock reads 5 / writes 5 (+ fresh stock under the reward lock;
/// reward lock on pcrm_lockedon, new stock). From Cancelled, and any update that leaves the status alone: 0.
/// </summary>
public sealed class RedemptionCancellationTests
{
    private readonly LoyaltyBed bed = new();

    [Fact]
    public void Cancel_LimitedStock_ReversalPostedBalanceAndStockRestored()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
        var reward = bed.Data.Reward(cost: 100, stock: 5);
        var id = bed.Service.Create(DataProducer.NewRedemption(owner, reward, quantity: 2));
        Assert.Equal(100, bed.Balance(owner));
        Assert.Equal(3, bed.Stock(reward));

        SetStatus(id, Reasons.Cancelled);
        var calls = bed.Dataverse.LastExecution.PluginCalls;

        var reversal = bed.Entries(owner).Last();
        Assert.Equal(OptionValues.ToOption(LedgerEntryKind.Reversal), reversal[PointsEntryTable.Columns.Kind]);
        Assert.Equal("reverse:redeem:" + id.ToString("N"), reversal[PointsEntryTable.Columns.IdempotencyKey]);
        Assert.Equal(200, reversal[PointsEntryTable.Columns.Points]);
        Assert.Contains("兑换已取消 / Redemption cancelled", (string)reversal[PointsEntryTable.Columns.Description]);
        Assert.Equal(300, bed.Balance(owner));
        Assert.Equal(bed.LedgerSum(owner), bed.Balance(owner));
        Assert.Equal(5, bed.Stock(reward));
        var row = bed.Dataverse.Peek(RedemptionTable.LogicalName, id)!;
        Assert.Equal(new OptionSetValue(RedemptionTable.States.Inactive), row[RedemptionTable.Columns.StateCode]);
        Assert.Equal(new OptionSetValue(Reasons.Cancelled), row[RedemptionTable.Columns.StatusCode]);

        Assert.Equal(5, calls.Reads);
        Assert.Equal(5, calls.Writes);
        Assert.Equal(0, bed.Dataverse.AllColumnsRequests);
    }

    [Fact]
    public void Cancel_UnlimitedStockFulfilled_PointsBackStockStaysBlank()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
        var reward = bed.Data.Reward(cost: 100);
        var id = bed.Service.Create(DataProducer.NewRedemption(owner, reward));
        SetStatus(id, Reasons.Fulfilled);

        SetStatus(id, Reasons.Cancelled);
        var calls = bed.Dataverse.LastExecution.PluginCalls;

        Assert.Equal(300, bed.Balance(owner));
        Assert.Equal(bed.LedgerSum(owner), bed.Balance(owner));
        Assert.Null(bed.Stock(reward));
        Assert.Equal(4, calls.Reads);
        Assert.Equal(3, calls.Writes);
    }

    [Fact]
    public void Cancel_StateOnly_CancelsWithConsistentStatusReason()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
        var id = bed.Service.Create(DataProducer.NewRedemption(owner, bed.Data.Reward(cost: 100)));

        bed.Service.Update(new Entity(RedemptionTable.LogicalName, id) { [RedemptionTable.Columns.StateCode] = new OptionSetValue(RedemptionTable.States.Inactive) });

        Assert.Equal(300, bed.Balance(owner));
        Assert.Equal(new OptionSetValue(Reasons.Cancelled), bed.Dataverse.Peek(RedemptionTable.LogicalName, id)![RedemptionTable.Columns.StatusCode]);
    }

    [Fact]
    public void Cancel_AlreadyCancelledAndUpdatedAgain_PostsNothingNew()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
        var reward = bed.Data.Reward(cost: 100, stock: 5);
        var id = bed.Service.Create(DataProducer.NewRedemption(owner, reward));
        SetStatus(id, Reasons.Cancelled);
        var entries = bed.Entries(owner).Length;

        bed.Service.Update(new Entity(RedemptionTable.LogicalName, id)
        {
            [RedemptionTable.Columns.StatusCode] = new OptionSetValue(Reasons.Cancelled),
            [RedemptionTable.Columns.StateCode] = new OptionSetValue(RedemptionTable.States.Inactive),
            [RedemptionTable.Columns.Name] = "已取消 / Cancelled at the owner's request",
        });

        Assert.Equal(entries, bed.Entries(owner).Length);
        Assert.Equal(300, bed.Balance(owner));
        Assert.Equal(5, bed.Stock(reward));
        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Total);
    }

    [Theory]
    [InlineData(Reasons.Requested)]
    [InlineData(Reasons.Fulfilled)]
    public void Reactivate_Cancelled_RefusedAndNothingSaved(int status)
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
        var reward = bed.Data.Reward(cost: 100, stock: 5);
        var id = bed.Service.Create(DataProducer.NewRedemption(owner, reward));
        SetStatus(id, Reasons.Cancelled);
        var entries = bed.Entries(owner).Length;

        var fault = Assert.Throws<DataverseFaultException>(() => bed.Service.Update(new Entity(RedemptionTable.LogicalName, id)
        {
            [RedemptionTable.Columns.StateCode] = new OptionSetValue(RedemptionTable.States.Active),
            [RedemptionTable.Columns.StatusCode] = new OptionSetValue(status),
            [RedemptionTable.Columns.Name] = "恢复 / Restored",
        }));

        Assert.Equal(DataverseErrorCodes.IsvAborted, fault.ErrorCode);
        Assert.Contains("已取消的兑换不能恢复,请重新兑换 / A cancelled redemption cannot be restored; redeem again.", fault.Message);
        var row = bed.Dataverse.Peek(RedemptionTable.LogicalName, id)!;
        Assert.Equal(new OptionSetValue(Reasons.Cancelled), row[RedemptionTable.Columns.StatusCode]);
        Assert.Equal(new OptionSetValue(RedemptionTable.States.Inactive), row[RedemptionTable.Columns.StateCode]);
        Assert.NotEqual("恢复 / Restored", row.GetAttributeValue<string>(RedemptionTable.Columns.Name));
        Assert.Equal(entries, bed.Entries(owner).Length);
        Assert.Equal(300, bed.Balance(owner));
        Assert.Equal(5, bed.Stock(reward));
    }

    [Fact]
    public void Update_StatusUntouched_NoPluginCalls()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
        var id = bed.Service.Create(DataProducer.NewRedemption(owner, bed.Data.Reward(cost: 100)));

        bed.Service.Update(new Entity(RedemptionTable.LogicalName, id) { [RedemptionTable.Columns.Name] = "改名 / Renamed" });

        Assert.Equal(0, bed.Dataverse.LastExecution.PluginCalls.Total);
        Assert.DoesNotContain(bed.Dataverse.LastExecution.Traces, t => t.PluginType == typeof(RedemptionCancellationPlugin));
        Assert.Equal(200, bed.Balance(owner));
    }

    [Fact]
    public void Fulfil_Requested_PostsNothingOnlyLocksAndReadsStatus()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
        var id = bed.Service.Create(DataProducer.NewRedemption(owner, bed.Data.Reward(cost: 100)));

        SetStatus(id, Reasons.Fulfilled);

        // Budget was 0: the status is now decided under the owner lock (1 write, the account; 2 reads, owner and status).
        Assert.Equal(2, bed.Dataverse.LastExecution.PluginCalls.Reads);
        Assert.Equal(1, bed.Dataverse.LastExecution.PluginCalls.Writes);
        Assert.Equal(2, bed.Entries(owner).Length);
        Assert.Equal(200, bed.Balance(owner));
    }

    [Fact]
    public void Cancel_PointsFromLotSinceExpired_BackInBalanceButNotSpendable()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (100, "2025-06-30"), (100, "2026-12-31"));
        var reward = bed.Data.Reward(cost: 150);
        var id = bed.Service.Create(DataProducer.NewRedemption(owner, reward));
        bed.Dataverse.Clock.AdvanceBy(TimeSpan.FromDays(200));

        SetStatus(id, Reasons.Cancelled);

        // Back in the lots they came from: 100 into the lot past its expiry (2025-06-30), 50 into the live one.
        Assert.Equal(200, bed.Balance(owner));
        Assert.Equal(bed.LedgerSum(owner), bed.Balance(owner));
        var now = new DateTimeOffset(bed.Dataverse.Clock.UtcNow, TimeSpan.Zero);
        Assert.Equal(100, bed.Ledger(owner).AvailableBalance(now));

        // The next redemption expires them first, so the owner can spend only the live lot.
        bed.Service.Create(DataProducer.NewRedemption(owner, bed.Data.Reward(cost: 60, code: "SHOP-COUPON")));
        Assert.Equal(40, bed.Balance(owner));
        Assert.Equal(bed.LedgerSum(owner), bed.Balance(owner));
    }

    [Fact]
    public async Task Cancel_WhileSameOwnerRedeemsAnotherReward_LedgerStaysConsistent()
    {
        for (var round = 0; round < 20; round++)
        {
            var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (200, "2026-12-31"), (300, "2027-12-31"));
            var first = bed.Data.Reward(cost: 150, stock: 5, code: "GIFT-A" + round);
            var second = bed.Data.Reward(cost: 100, stock: 3, code: "GIFT-B" + round);
            var redemption = bed.Service.Create(DataProducer.NewRedemption(owner, first));
            using var start = new Barrier(2);

            var cancel = OnThread(() =>
            {
                start.SignalAndWait(Bound);
                SetStatus(redemption, Reasons.Cancelled);
            });
            var redeem = OnThread(() =>
            {
                start.SignalAndWait(Bound);
                bed.Service.Create(DataProducer.NewRedemption(owner, second));
            });
            await Task.WhenAll(cancel, redeem).WaitAsync(Bound);

            Assert.Equal(400, bed.Balance(owner));
            Assert.Equal(bed.LedgerSum(owner), bed.Balance(owner));
            var sequences = bed.Entries(owner).Select(e => e.GetAttributeValue<int>(PointsEntryTable.Columns.Sequence)).ToArray();
            Assert.Equal(sequences.Length, sequences.Distinct().Count());
            Assert.Equal(5, bed.Stock(first));
            Assert.Equal(2, bed.Stock(second));
            Assert.Equal(400, bed.Ledger(owner).Balance);
        }
    }

    [Fact]
    public async Task Cancel_WhileAnotherOwnerRedeemsTheSameReward_NoStockLost()
    {
        for (var round = 0; round < 100; round++)
        {
            var reward = bed.Data.Reward(cost: 100, stock: 10, code: "GIFT-" + round);
            var canceller = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
            var redeemer = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
            var redemption = bed.Service.Create(DataProducer.NewRedemption(canceller, reward, quantity: 2));
            using var start = new Barrier(2);

            var cancel = OnThread(() =>
            {
                start.SignalAndWait(Bound);
                SetStatus(redemption, Reasons.Cancelled);
            });
            var redeem = OnThread(() =>
            {
                start.SignalAndWait(Bound);
                bed.Service.Create(DataProducer.NewRedemption(redeemer, reward));
            });
            await Task.WhenAll(cancel, redeem).WaitAsync(Bound);

            Assert.Equal(9, bed.Stock(reward));
            Assert.Equal(300, bed.Balance(canceller));
            Assert.Equal(200, bed.Balance(redeemer));
        }
    }

    [Fact]
    public async Task Cancel_TwiceInParallel_OneReversalAndStockReturnedOnce()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
        var reward = bed.Data.Reward(cost: 100, stock: 5);
        var id = bed.Service.Create(DataProducer.NewRedemption(owner, reward, quantity: 2));
        using var start = new Barrier(2);

        var tasks = Enumerable.Range(0, 2).Select(_ => OnThread(() =>
        {
            start.SignalAndWait(Bound);
            SetStatus(id, Reasons.Cancelled);
        })).ToArray();
        await Task.WhenAll(tasks).WaitAsync(Bound);

        Assert.Single(bed.Entries(owner), e => e.GetAttributeValue<OptionSetValue>(PointsEntryTable.Columns.Kind).Equals(OptionValues.ToOption(LedgerEntryKind.Reversal)));
        Assert.Equal(300, bed.Balance(owner));
        Assert.Equal(bed.LedgerSum(owner), bed.Balance(owner));
        Assert.Equal(5, bed.Stock(reward));
    }

    [Fact]
    public void Cancel_FormSavesNameAndStatusTogether_StatePartCancelsPointsBack()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
        var id = bed.Service.Create(DataProducer.NewRedemption(owner, bed.Data.Reward(cost: 100)));

        // One form save: a changed name plus state and status. Dataverse splits it (Learn, "Behavior of specialized
        // update operations"); the cancellation step, filtered on status, runs once, in the state part.
        bed.Service.Update(new Entity(RedemptionTable.LogicalName, id)
        {
            [RedemptionTable.Columns.Name] = "取消:业主来电 / Cancelled by phone",
            [RedemptionTable.Columns.StateCode] = new OptionSetValue(RedemptionTable.States.Inactive),
            [RedemptionTable.Columns.StatusCode] = new OptionSetValue(Reasons.Cancelled),
        });

        Assert.Equal(300, bed.Balance(owner));
        Assert.Equal(bed.LedgerSum(owner), bed.Balance(owner));
        Assert.Single(bed.Dataverse.LastExecution.Traces, t => t.PluginType == typeof(RedemptionCancellationPlugin));
        var row = bed.Dataverse.Peek(RedemptionTable.LogicalName, id)!;
        Assert.Equal("取消:业主来电 / Cancelled by phone", row[RedemptionTable.Columns.Name]);
        Assert.Equal(new OptionSetValue(Reasons.Cancelled), row[RedemptionTable.Columns.StatusCode]);
    }

    [Fact]
    public async Task Fulfil_CancelCommitsAfterFulfilsPreImage_FulfilRefusedPointsStayReturned()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (300, "2026-12-31"));
        var reward = bed.Data.Reward(cost: 100, stock: 5);
        var id = bed.Service.Create(DataProducer.NewRedemption(owner, reward));

        // The fulfil's pre-image (Requested) is taken before its pre-operation steps; hold it there, before the
        // status-change handler, until the cancel has committed: the lost update the handler's lock must prevent.
        using var fulfilHasImage = new ManualResetEventSlim();
        using var cancelCommitted = new ManualResetEventSlim();
        bed.Dataverse.RegisterStep(TestSteps.On("Update", RedemptionTable.LogicalName, PipelineStage.PreOperation, run =>
        {
            if (run.Context.Depth == 1 && run.Target.GetAttributeValue<OptionSetValue>(RedemptionTable.Columns.StatusCode)?.Value == Reasons.Fulfilled)
            {
                fulfilHasImage.Set();
                Assert.True(cancelCommitted.Wait(Bound));
            }
        }, rank: 0));

        // As a form saves it: the active state with the status reason.
        var fulfil = OnThread(() => Record.Exception(() => bed.Service.Update(new Entity(RedemptionTable.LogicalName, id)
        {
            [RedemptionTable.Columns.StateCode] = new OptionSetValue(RedemptionTable.States.Active),
            [RedemptionTable.Columns.StatusCode] = new OptionSetValue(Reasons.Fulfilled),
        })));
        Assert.True(fulfilHasImage.Wait(Bound));
        SetStatus(id, Reasons.Cancelled);
        cancelCommitted.Set();
        var fault = await fulfil.WaitAsync(Bound);

        Assert.Contains(RedemptionStatusChange.CannotRestoreMessage, Assert.IsType<DataverseFaultException>(fault).Message);
        Assert.Equal(new OptionSetValue(Reasons.Cancelled), bed.Dataverse.Peek(RedemptionTable.LogicalName, id)![RedemptionTable.Columns.StatusCode]);
        Assert.Equal(300, bed.Balance(owner));
        Assert.Equal(5, bed.Stock(reward));
    }

    private void SetStatus(Guid redemption, int status) =>
        bed.Service.Update(new Entity(RedemptionTable.LogicalName, redemption) { [RedemptionTable.Columns.StatusCode] = new OptionSetValue(status) });
}
