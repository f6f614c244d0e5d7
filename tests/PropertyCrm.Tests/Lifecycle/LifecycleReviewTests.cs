using System;
using System.Linq;
using PropertyCrm.Domain.Lifecycle;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Steps.Lifecycle;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Support;
using static PropertyCrm.Tests.Domain.Lifecycle.LifecycleFixtures;
using static PropertyCrm.Tests.Domain.Loyalty.LoyaltyFixtures;

namespace PropertyCrm.Tests.Lifecycle;

/// <summary>
/// pcrm_RunLifecycleReview through the harness. Call budget per page: 2 + 1 + 1 + N + 2W reads (two scope queries, the
/// page's occupancies, the latest request per owner, bills with payments per owner handled; the contact and the bills
/// again under the owner lock per owner written) + 2W writes (the owner lock and the update per owner whose lifecycle
/// columns changed), + 1 write per owner locked for the first time without a loyalty account (the seeded owners here).
/// </summary>
public sealed class LifecycleReviewTests
{
    private readonly LifecycleBed bed = new();

    /// <param name="occupancy">"start..end" (end optional) as an occupancy; null: move-in recorded on the contact.</param>
    [Theory]
    [InlineData("new move-in", "2025-01-01", null, "", "", "", "2025-01-06", LifecycleStage.NewMoveIn, "2025-01-01", null, 0)]
    [InlineData("90 days on", "2025-01-01", null, "", "", "2025-03-01", "2025-04-01", LifecycleStage.Stable, "2025-04-01", null, 0)]
    [InlineData("day 90", "2025-01-01", null, "", "", "2025-03-01", "2025-03-31", LifecycleStage.NewMoveIn, "2025-01-01", null, 0)]
    [InlineData("3 unpaid months", "2024-01-10", null, "2024-11", "2024-09,2024-10,2024-11", "2024-10-01", "2024-12-20", LifecycleStage.ChurnRisk, "2024-11-16", "2024-11-16", 3)]
    [InlineData("2 unpaid months", "2024-01-10", null, "2024-11", "2024-10,2024-11", "2024-10-01", "2024-12-20", LifecycleStage.Stable, "2024-04-09", null, 2)]
    [InlineData("quiet 6 months", "2024-01-10", null, "2024-11", "", "2024-05-01", "2024-12-20", LifecycleStage.ChurnRisk, "2024-11-01", "2024-11-01", 0)]
    [InlineData("never a request", "2024-01-10", null, "", "", "", "2024-07-10", LifecycleStage.ChurnRisk, "2024-07-10", "2024-07-10", 0)]
    [InlineData(
        "6 unpaid months",
        "2024-01-10",
        null,
        "2024-11",
        "2024-06,2024-07,2024-08,2024-09,2024-10,2024-11",
        "2024-10-01",
        "2024-12-20",
        LifecycleStage.Churned,
        "2024-11-16",
        "2024-08-16",
        6)]
    [InlineData("moved out", null, "2024-01-10..2024-10-01", "", "", "2024-09-01", "2024-12-20", LifecycleStage.Churned, "2024-10-01", null, 0)]
    [InlineData("occupancy wins", "2023-01-01", "2024-11-01..", "", "", "", "2024-12-20", LifecycleStage.NewMoveIn, "2024-11-01", null, 0)]
    public void Run_OwnerFacts_WritesStageAndChurnRisk(
        string because,
        string? recordedMoveIn,
        string? occupancy,
        string lastBillMonth,
        string unpaid,
        string requests,
        string today,
        LifecycleStage stage,
        string since,
        string? riskSince,
        int unpaidMonths)
    {
        var owner = bed.Data.OwnerMovedIn(recordedMoveIn);
        if (occupancy is not null)
        {
            var parts = occupancy.Split("..");
            bed.Data.Occupancy(owner, parts[0], parts[1].Length == 0 ? null : parts[1]);
        }

        if (lastBillMonth.Length > 0)
        {
            bed.Data.MonthlyBills(owner, "2024-01", lastBillMonth, Split(unpaid));
        }

        foreach (var opened in Split(requests))
        {
            bed.Data.RequestOpenedOn(owner, opened);
        }

        bed.Today(today);

        var response = bed.Run();

        Assert.Equal(1, response.Results[RunLifecycleReviewPlugin.ProcessedOutput]);
        Assert.Equal(1, response.Results[RunLifecycleReviewPlugin.ChangedOutput]);
        Assert.True(stage == bed.Stage(owner), because);
        Assert.Equal(D(since), bed.Day(owner, ContactTable.Columns.LifecycleChangedOn));
        Assert.Equal(riskSince is not null, bed.Contact(owner).GetAttributeValue<bool>(ContactTable.Columns.ChurnRisk));
        Assert.Equal(OptionalDate(riskSince), bed.Day(owner, ContactTable.Columns.ChurnRiskSince));
        Assert.Equal(unpaidMonths, bed.Contact(owner).GetAttributeValue<int>(ContactTable.Columns.ConsecutiveUnpaidMonths));
    }

    [Fact]
    public void Run_ArrearsPaid_BackToStableDatedThePaymentAndRiskCleared()
    {
        var owner = bed.Data.OwnerMovedIn("2024-01-10");
        bed.Data.MonthlyBills(owner, "2024-01", "2024-11", "2024-09", "2024-10", "2024-11");
        bed.Data.RequestOpenedOn(owner, "2024-10-01");
        bed.Today("2024-12-20");
        bed.Run();
        Assert.Equal(LifecycleStage.ChurnRisk, bed.Stage(owner));

        bed.Data.SettleArrears(owner, "2024-12-22");
        bed.Today("2024-12-23");
        var response = bed.Run();

        Assert.Equal(1, response.Results[RunLifecycleReviewPlugin.ChangedOutput]);
        Assert.Equal(LifecycleStage.Stable, bed.Stage(owner));
        Assert.Equal(D("2024-12-22"), bed.Day(owner, ContactTable.Columns.LifecycleChangedOn));
        Assert.False(bed.Contact(owner).GetAttributeValue<bool>(ContactTable.Columns.ChurnRisk));
        Assert.Null(bed.Day(owner, ContactTable.Columns.ChurnRiskSince));
        Assert.Equal(0, bed.Contact(owner).GetAttributeValue<int>(ContactTable.Columns.ConsecutiveUnpaidMonths));
        Assert.Contains(bed.Dataverse.LastExecution.Traces.SelectMany(t => t.Lines), l => l.Contains("ConsecutiveUnpaidMonths cleared on 2024-12-22", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_RequestAfterQuietHalfYear_BackToStableDatedTheRequest()
    {
        var owner = bed.Data.OwnerMovedIn("2024-01-10");
        bed.Data.RequestOpenedOn(owner, "2024-05-01");
        bed.Today("2024-12-20");
        bed.Run();
        Assert.Equal(LifecycleStage.ChurnRisk, bed.Stage(owner));
        Assert.Equal(D("2024-11-01"), bed.Day(owner, ContactTable.Columns.ChurnRiskSince));

        bed.Data.RequestOpenedOn(owner, "2024-12-21");
        bed.Today("2024-12-22");
        bed.Run();

        Assert.Equal(LifecycleStage.Stable, bed.Stage(owner));
        Assert.Equal(D("2024-12-21"), bed.Day(owner, ContactTable.Columns.LifecycleChangedOn));
        Assert.False(bed.Contact(owner).GetAttributeValue<bool>(ContactTable.Columns.ChurnRisk));
        Assert.Null(bed.Day(owner, ContactTable.Columns.ChurnRiskSince));
    }

    [Fact]
    public void Run_StageUnchangedNextDay_KeepsItsDate()
    {
        var owner = bed.Data.OwnerMovedIn("2025-01-01");
        bed.Today("2025-01-06");
        bed.Run();

        bed.Today("2025-02-06");
        var response = bed.Run();

        Assert.Equal(0, response.Results[RunLifecycleReviewPlugin.ChangedOutput]);
        Assert.Equal(LifecycleStage.NewMoveIn, bed.Stage(owner));
        Assert.Equal(D("2025-01-01"), bed.Day(owner, ContactTable.Columns.LifecycleChangedOn));
    }

    [Fact]
    public void Run_OwnerNotMovedInYetAmongOthers_SkippedAndOthersProcessed()
    {
        var future = bed.Data.OwnerMovedIn("2025-03-01");
        var present = bed.Data.OwnerMovedIn("2025-01-01");
        var futureUnit = bed.Data.OwnerMovedIn(null);
        bed.Data.Occupancy(futureUnit, "2025-02-01");
        bed.Today("2025-01-06");

        var response = bed.Run();

        Assert.Equal(3, response.Results[RunLifecycleReviewPlugin.ProcessedOutput]);
        Assert.Equal(1, response.Results[RunLifecycleReviewPlugin.ChangedOutput]);
        Assert.Null(bed.Stage(future));
        Assert.Null(bed.Stage(futureUnit));
        Assert.Equal(LifecycleStage.NewMoveIn, bed.Stage(present));
        var lines = bed.Dataverse.LastExecution.Traces.SelectMany(t => t.Lines).ToList();
        Assert.Contains(lines, l => l.Contains($"Owner {future} skipped: {LifecycleErrorCodes.NotMovedIn}", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"Owner {futureUnit} skipped: {LifecycleErrorCodes.NotMovedIn}", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_ContactWithoutMoveInOrOccupancy_NotInScope()
    {
        var outsider = bed.Data.OwnerMovedIn(null);
        bed.Data.OwnerMovedIn("2025-01-01");

        var response = bed.Run();

        Assert.Equal(1, response.Results[RunLifecycleReviewPlugin.ProcessedOutput]);
        Assert.Null(bed.Stage(outsider));
    }

    [Fact]
    public void Run_TwiceSameDay_SecondRunWritesNothingAndCallBudgetHolds()
    {
        var newcomer = bed.Data.OwnerMovedIn("2025-01-01");
        var risky = bed.Data.OwnerMovedIn(null);
        bed.Data.Occupancy(risky, "2024-01-10");
        bed.Data.Occupancy(risky, "2024-03-01", "2024-06-30");
        bed.Data.MonthlyBills(risky, "2024-01", "2024-12", "2024-10", "2024-11", "2024-12");
        bed.Data.RequestOpenedOn(risky, "2024-12-01");
        var moved = bed.Data.OwnerMovedIn("2023-05-01");
        bed.Data.Occupancy(moved, "2023-05-01", "2024-08-01");
        bed.Today("2025-01-06");

        var first = bed.Run();

        Assert.Equal(3, first.Results[RunLifecycleReviewPlugin.ProcessedOutput]);
        Assert.Equal(3, first.Results[RunLifecycleReviewPlugin.ChangedOutput]);
        Assert.Equal(LifecycleStage.NewMoveIn, bed.Stage(newcomer));
        Assert.Equal(LifecycleStage.ChurnRisk, bed.Stage(risky));
        Assert.Equal(D("2024-12-16"), bed.Day(risky, ContactTable.Columns.ChurnRiskSince));
        Assert.Equal(LifecycleStage.Churned, bed.Stage(moved));
        Assert.Equal(D("2024-08-01"), bed.Day(moved, ContactTable.Columns.LifecycleChangedOn));
        // Budget change, with its reason: each of the 3 owners written is first locked (a payment committed since the page
        // read would otherwise be overwritten), +2 reads (contact, bills under the lock) and +1 write (the lock) each, +1
        // write each because the seeded owners have no loyalty account yet and their first lock creates it.
        var calls = bed.Dataverse.LastExecution.PluginCalls;
        Assert.Equal(2 + 1 + 1 + 3 + (3 * 2) + SweepJobCalls.Reads, calls.Reads);
        Assert.Equal(3 + (3 * 2) + SweepJobCalls.Writes, calls.Writes);
        Assert.Equal(0, bed.Dataverse.AllColumnsRequests);

        bed.Dataverse.Clock.AdvanceBy(TimeSpan.FromHours(6));
        var again = bed.Run();

        Assert.Equal(3, again.Results[RunLifecycleReviewPlugin.ProcessedOutput]);
        Assert.Equal(0, again.Results[RunLifecycleReviewPlugin.ChangedOutput]);

        // Nothing to write: no owner is locked, so no extra read or write.
        Assert.Equal(2 + 1 + 1 + 3 + SweepJobCalls.Reads, bed.Dataverse.LastExecution.PluginCalls.Reads);
        Assert.Equal(0 + SweepJobCalls.Writes, bed.Dataverse.LastExecution.PluginCalls.Writes);
    }

    [Fact]
    public void Run_PageSizeOneAndNoBudget_ResumesWithTokenUntilDone()
    {
        var owners = Enumerable.Range(0, 3).Select(_ => bed.Data.OwnerMovedIn("2025-01-01")).ToArray();

        // Each call reads one page (2 + 1 + 1 + 1), + 2 under the owner lock of the owner it writes (contact and bills
        // again: budget change, so a payment committed since the page read is not overwritten), and stops; the last page
        // was full, so a fourth call finds nothing.
        string? token = null;
        var processed = new System.Collections.Generic.List<int>();
        while (true)
        {
            var response = bed.Run(pageSize: 1, budgetSeconds: 0, token: token);
            processed.Add((int)response.Results[RunLifecycleReviewPlugin.ProcessedOutput]);
            if (!(bool)response.Results[RunLifecycleReviewPlugin.MoreRecordsOutput])
            {
                Assert.Equal(2 + SweepJobCalls.Reads, bed.Dataverse.LastExecution.PluginCalls.Reads);
                Assert.Equal(string.Empty, response.Results[RunLifecycleReviewPlugin.ContinuationTokenOutput]);
                break;
            }

            Assert.Equal(2 + 1 + 1 + 1 + 2 + SweepJobCalls.Reads, bed.Dataverse.LastExecution.PluginCalls.Reads);
            token = (string)response.Results[RunLifecycleReviewPlugin.ContinuationTokenOutput];
            Assert.StartsWith("l1:", token);
            Assert.True(processed.Count < 10);
        }

        Assert.Equal(new[] { 1, 1, 1, 0 }, processed);
        Assert.All(owners, o => Assert.Equal(LifecycleStage.NewMoveIn, bed.Stage(o)));
    }

    [Fact]
    public void Run_NoBudgetLargePage_HandlesExactlyOneOwnerThenResumes()
    {
        var owners = Enumerable.Range(0, 3).Select(_ => bed.Data.OwnerMovedIn("2025-01-01")).ToArray();

        var first = bed.Run(pageSize: 10, budgetSeconds: 0);

        Assert.Equal(1, first.Results[RunLifecycleReviewPlugin.ProcessedOutput]);
        Assert.Equal(true, first.Results[RunLifecycleReviewPlugin.MoreRecordsOutput]);
        Assert.Single(owners, o => bed.Stage(o) is not null);

        var rest = bed.Run(token: (string)first.Results[RunLifecycleReviewPlugin.ContinuationTokenOutput]);

        Assert.Equal(2, rest.Results[RunLifecycleReviewPlugin.ProcessedOutput]);
        Assert.Equal(false, rest.Results[RunLifecycleReviewPlugin.MoreRecordsOutput]);
        Assert.Equal(string.Empty, rest.Results[RunLifecycleReviewPlugin.ContinuationTokenOutput]);
        Assert.All(owners, o => Assert.Equal(LifecycleStage.NewMoveIn, bed.Stage(o)));
    }

    [Fact]
    public void Run_PastAsOf_ReviewsAsOfThatDate()
    {
        var owner = bed.Data.OwnerMovedIn("2024-10-01");
        bed.Data.RequestOpenedOn(owner, "2024-10-02");
        bed.Today("2025-01-06");

        bed.Run(asOf: DataProducer.At("2024-12-29"));

        Assert.Equal(LifecycleStage.NewMoveIn, bed.Stage(owner));
        bed.Run();
        Assert.Equal(LifecycleStage.Stable, bed.Stage(owner));
        Assert.Equal(D("2024-12-30"), bed.Day(owner, ContactTable.Columns.LifecycleChangedOn));
    }

    [Fact]
    public void Run_TokenOfAnotherSweepOrFutureAsOf_RefusedBilingually()
    {
        var fault = Assert.Throws<DataverseFaultException>(() => bed.Run(token: "t1:" + Guid.NewGuid().ToString("N")));
        Assert.Contains("续扫令牌无效", fault.Message);
        Assert.Contains("Invalid continuation token", fault.Message);

        var future = Assert.Throws<DataverseFaultException>(() => bed.Run(asOf: bed.Dataverse.Clock.UtcNow.AddDays(1)));
        Assert.Contains("截至时间不能晚于现在", future.Message);
        Assert.Contains("As of cannot be later than now", future.Message);
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries);

    [Theory]
    [InlineData(null, LifecycleStage.NewMoveIn)]
    [InlineData(30, LifecycleStage.Stable)]
    public void Run_NewMoveInDaysOnTheTierPolicy_Applies(int? newMoveInDays, LifecycleStage expected)
    {
        var owner = bed.Data.OwnerMovedIn("2025-01-01");
        bed.Data.RequestOpenedOn(owner, "2025-01-20");
        bed.Dataverse.Seed(new Microsoft.Xrm.Sdk.Entity(TierPolicyTable.LogicalName)
        {
            [TierPolicyTable.Columns.Name] = "会员政策 / Policy",
            [TierPolicyTable.Columns.NewMoveInDays] = newMoveInDays,
        });
        bed.Warm = false;
        bed.Today("2025-02-05");

        bed.Run();

        Assert.Equal(expected, bed.Stage(owner));

        // Cold configuration cache: + 2 reads (earn rules, tier policy) on top of the page's 2 + 1 + 1 + 1 and the lock reads.
        Assert.Equal(2 + 2 + 1 + 1 + 1 + 2 + SweepJobCalls.Reads, bed.Dataverse.LastExecution.PluginCalls.Reads);
    }
}
