using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Points;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Steps.Loyalty.Sweeps;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Loyalty.Redemption;
using PropertyCrm.Tests.Support;
using static PropertyCrm.Tests.Support.RealThreads;

namespace PropertyCrm.Tests.Loyalty.Sweeps;

/// <summary>
/// pcrm_RunPointsExpiry through the harness. Call budget: 1 query per page; per owner with a lot past expiry
/// 2 reads (owner, ledger) and 2 + n writes (lock, n Expire entries, balance); owners without one cost nothing.
/// </summary>
public sealed class PointsExpirySweepTests
{
    private readonly LoyaltyBed bed = new();

    [Fact]
    public void Run_LotsPastExpiry_ExpiredOncePerOwnerAndOthersUntouched()
    {
        // The clock starts on 2025-01-06: lots usable through 2024-12-31 are past expiry.
        var mixed = bed.Data.OwnerWithPoints(OwnerTier.Standard, (100, "2024-12-31"), (50, "2026-12-31"));
        var live = bed.Data.OwnerWithPoints(OwnerTier.Standard, (30, "2026-12-31"));
        var lapsed = bed.Data.OwnerWithPoints(OwnerTier.Standard, (70, "2024-12-31"));

        var first = Run();

        Assert.Equal(2, first.Results[RunPointsExpiryPlugin.ProcessedOutput]);
        Assert.Equal(170, first.Results[RunPointsExpiryPlugin.PointsExpiredOutput]);
        Assert.Equal(false, first.Results[RunPointsExpiryPlugin.MoreRecordsOutput]);
        Assert.Equal(string.Empty, first.Results[RunPointsExpiryPlugin.ContinuationTokenOutput]);
        Assert.Equal(50, bed.Balance(mixed));
        Assert.Equal(0, bed.Balance(lapsed));
        Assert.Equal(30, bed.Balance(live));
        Assert.Single(bed.Entries(live));
        foreach (var owner in new[] { mixed, live, lapsed })
        {
            Assert.Equal(bed.LedgerSum(owner), bed.Balance(owner));
        }

        var expire = bed.Entries(mixed).Last();
        Assert.Equal(-100, expire[PointsEntryTable.Columns.Points]);
        Assert.StartsWith("expire:", (string)expire[PointsEntryTable.Columns.IdempotencyKey]);

        var calls = bed.Dataverse.LastExecution.PluginCalls;
        Assert.Equal(1 + (2 * 2) + SweepJobCalls.Reads, calls.Reads);
        Assert.Equal(2 * 3 + SweepJobCalls.Writes, calls.Writes);
        Assert.Equal(0, bed.Dataverse.AllColumnsRequests);

        var second = Run();
        Assert.Equal(0, second.Results[RunPointsExpiryPlugin.ProcessedOutput]);
        Assert.Equal(0, second.Results[RunPointsExpiryPlugin.PointsExpiredOutput]);
        Assert.Equal(1 + SweepJobCalls.Reads, bed.Dataverse.LastExecution.PluginCalls.Reads);
        Assert.Equal(0 + SweepJobCalls.Writes, bed.Dataverse.LastExecution.PluginCalls.Writes);
    }

    [Fact]
    public void Run_LastUsableDay_ExpiresAtMidnightChinaTime()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (40, "2025-12-31"));

        // 2025-12-31 23:59:59 in China: still usable.
        bed.Dataverse.Clock.SetClock(new DateTime(2025, 12, 31, 15, 59, 59, DateTimeKind.Utc));
        Assert.Equal(0, Run().Results[RunPointsExpiryPlugin.PointsExpiredOutput]);
        Assert.Equal(40, bed.Balance(owner));

        // 2026-01-01 00:00 in China: expired.
        bed.Dataverse.Clock.AdvanceBy(TimeSpan.FromSeconds(1));
        Assert.Equal(40, Run().Results[RunPointsExpiryPlugin.PointsExpiredOutput]);
        Assert.Equal(0, bed.Balance(owner));
    }

    [Fact]
    public void Run_AsOfEarlierThanNow_JudgesExpiryThenAndRefusesTheFuture()
    {
        var owner = bed.Data.OwnerWithPoints(OwnerTier.Standard, (40, "2024-12-31"));

        var before = Run(asOf: new DateTime(2024, 12, 31, 12, 0, 0, DateTimeKind.Utc));
        Assert.Equal(0, before.Results[RunPointsExpiryPlugin.PointsExpiredOutput]);

        var fault = Assert.Throws<DataverseFaultException>(() => Run(asOf: bed.Dataverse.Clock.UtcNow.AddDays(1)));
        Assert.Contains("截至时间不能晚于现在", fault.Message);
        Assert.Equal(40, bed.Balance(owner));
    }

    [Fact]
    public void Run_SmallPagesAndNoBudget_ResumesWithTokenUntilDone()
    {
        var owners = Enumerable.Range(0, 3).Select(_ => bed.Data.OwnerWithPoints(OwnerTier.Standard, (10, "2024-12-31"))).ToArray();

        string? token = null;
        var calls = 0;
        var total = 0;
        while (true)
        {
            var response = Run(pageSize: 1, budgetSeconds: 0, token: token);
            calls++;
            total += (int)response.Results[RunPointsExpiryPlugin.PointsExpiredOutput];
            Assert.True((int)response.Results[RunPointsExpiryPlugin.ProcessedOutput] <= 1);
            if (!(bool)response.Results[RunPointsExpiryPlugin.MoreRecordsOutput])
            {
                break;
            }

            token = (string)response.Results[RunPointsExpiryPlugin.ContinuationTokenOutput];
            Assert.False(string.IsNullOrEmpty(token));
            Assert.True(calls < 10);
        }

        Assert.Equal(30, total);
        Assert.All(owners, o => Assert.Equal(0, bed.Balance(o)));
    }

    [Fact]
    public void Run_TokenOfAnotherSweep_RefusedBilingually()
    {
        var fault = Assert.Throws<DataverseFaultException>(() => Run(token: "v1:123:abc"));
        Assert.Contains("续扫令牌无效", fault.Message);
        Assert.Contains("Invalid continuation token", fault.Message);
    }

    [Fact]
    public async Task Run_TwiceConcurrently_ExpiresEachLotOnce()
    {
        var owners = Enumerable.Range(0, 4).Select(_ => bed.Data.OwnerWithPoints(OwnerTier.Standard, (25, "2024-12-31"), (5, "2026-12-31"))).ToArray();
        // Steady state: an earlier run created the job row, so the two wait for each other at its lock (the very first
        // two calls of a kind racing to create it: SlaSweepConcurrencyTests.Sweep_FirstTwoCallsEverAtOnce_…).
        bed.Dataverse.Seed(new Entity(SweepJobTable.LogicalName) { [SweepJobTable.Columns.Name] = SweepJobTable.Jobs.PointsExpiry });
        using var start = new Barrier(2);

        var tasks = Enumerable.Range(0, 2).Select(_ => OnThread(() =>
        {
            start.SignalAndWait(Bound);
            return (int)Run().Results[RunPointsExpiryPlugin.PointsExpiredOutput];
        })).ToArray();
        var expired = await Task.WhenAll(tasks).WaitAsync(Bound);

        Assert.Equal(100, expired.Sum());
        foreach (var owner in owners)
        {
            Assert.Equal(5, bed.Balance(owner));
            Assert.Equal(bed.LedgerSum(owner), bed.Balance(owner));
            Assert.Single(bed.Ledger(owner).Entries, e => e.Kind == LedgerEntryKind.Expire);
        }
    }

    private OrganizationResponse Run(DateTime? asOf = null, int? pageSize = null, int? budgetSeconds = null, string? token = null)
    {
        var request = new OrganizationRequest(RunPointsExpiryPlugin.ApiName);
        if (asOf.HasValue)
        {
            request[RunPointsExpiryPlugin.AsOfParameter] = asOf.Value;
        }

        if (pageSize.HasValue)
        {
            request[RunPointsExpiryPlugin.PageSizeParameter] = pageSize.Value;
        }

        if (budgetSeconds.HasValue)
        {
            request[RunPointsExpiryPlugin.TimeBudgetSecondsParameter] = budgetSeconds.Value;
        }

        if (token != null)
        {
            request[RunPointsExpiryPlugin.ContinuationTokenParameter] = token;
        }

        return bed.Service.Execute(request);
    }
}
