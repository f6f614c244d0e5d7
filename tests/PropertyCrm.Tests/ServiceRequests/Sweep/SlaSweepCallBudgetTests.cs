using System;
using System.Linq;
using PropertyCrm.Harness.Diagnostics;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Tests.ServiceRequests.Sweep;

/// <summary>
/// Calls per sweep as a function of pages and escalations, with 1,000 open on-time requests beside the due ones:
/// they never match the index query, so they add nothing. Per page of P due requests raising E rungs:
/// 1 index query + P lock updates + 1 re-read + 1 escalation read + (0 or 1) property read + E creates + P updates,
/// and at most one read of the SLA configuration when the per-worker cache is cold (it is shared by every test in
/// the process, so whether it is cold is not this test's to decide; a call with nothing due never loads it).
/// </summary>
public sealed class SlaSweepCallBudgetTests
{
    private readonly SweepWorld world = new();

    public SlaSweepCallBudgetTests()
    {
        // 1,000 open requests logged an hour later: on time at every instant these tests sweep.
        world.Requests(1_000, SweepWorld.Start.AddHours(1));
    }

    [Fact]
    public void Sweep_NothingDue_OneIndexQuery()
    {
        world.AtMinute(20);

        var outcome = world.Sweep();

        Assert.Equal(0, outcome.Processed);
        AssertCalls(world.LastCalls, reads: 1, creates: 0, updates: 0, configurationReads: 0);
    }

    [Fact]
    public void Sweep_ThreeWarnings_ThreeLocksThreeCreatesThreeUpdatesAndThreeReads()
    {
        world.Requests(3);
        world.AtMinute(23);

        var outcome = world.Sweep();

        Assert.Equal(3, outcome.Escalated);
        // index + re-read + escalations; warnings go to the owner, so no property read.
        AssertCalls(world.LastCalls, reads: 3, creates: 3, updates: 3 + 3);
    }

    [Fact]
    public void Sweep_ThreeBreachesOnePage_OnePropertyReadForThePage()
    {
        world.Requests(3);
        world.AtMinute(31);

        var outcome = world.Sweep();

        Assert.Equal(6, outcome.Escalated); // warning + level 1 each
        AssertCalls(world.LastCalls, reads: 4, creates: 6, updates: 3 + 3);
    }

    [Fact]
    public void Sweep_TwelveDueInPagesOfFive_ReadsGrowWithPagesOnly()
    {
        world.Requests(12);
        world.AtMinute(31);

        var outcome = world.Sweep(pageSize: 5);

        Assert.Equal(24, outcome.Escalated);
        AssertCalls(world.LastCalls, reads: 3 * 4, creates: 24, updates: 12 + 12);
    }

    [Fact]
    public void Sweep_ExactlyFullLastPage_NoEmptyQueryAfterIt()
    {
        world.Requests(10);
        world.AtMinute(23);

        world.Sweep(pageSize: 5);

        // Two full pages; the second says "no more records", so no third query is needed.
        AssertCalls(world.LastCalls, reads: 2 * 3, creates: 10, updates: 20);
    }

    [Fact]
    public void Sweep_OnTimeRequestsAdded_CallsUnchanged()
    {
        world.Requests(4);
        world.AtMinute(31);
        world.Sweep();
        var withThousand = world.LastCalls;

        var bare = new SweepWorld();
        bare.Requests(4);
        bare.AtMinute(31);
        bare.Sweep();

        // Everything but property reads (where a cold configuration load may add one) is identical.
        Assert.Equal(WithoutPropertyReads(bare.LastCalls), WithoutPropertyReads(withThousand));
        Assert.InRange(withThousand.Calls.Count(c => c.EntityName == PropertyTable.LogicalName), 1, 2);
        Assert.Equal(0, world.Dataverse.AllColumnsRequests);
    }

    private static string WithoutPropertyReads(CallCounts calls) =>
        string.Join(", ", calls.Calls.Where(c => c.EntityName != PropertyTable.LogicalName).Select(c => c.MessageName + " " + c.EntityName));

    private static void AssertCalls(CallCounts calls, int reads, int creates, int updates, int configurationReads = 1)
    {
        Assert.True(
            calls.Reads >= reads && calls.Reads <= reads + configurationReads
            && calls.Create == creates && calls.Update == updates && calls.Total == calls.Reads + creates + updates,
            $"expected {reads} reads (+ up to {configurationReads} configuration read), {creates} creates, {updates} updates; got {calls}");
        Assert.All(calls.Calls.Where(c => c.MessageName == "Create"), c => Assert.Equal(EscalationTable.LogicalName, c.EntityName));
        Assert.DoesNotContain(calls.Calls, c => c.MessageName == "ExecuteMultiple");
    }
}
