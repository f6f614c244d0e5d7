using System;
using System.Linq;
using PropertyCrm.Harness.Diagnostics;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Tests.ServiceRequests.Sweep;

/// <summary>
/// Calls per sweep as a function of pages and escalations, with 1,000 open on-time requests beside the due ones:
/// they never match the index query, so they add nothing. Per call, the job lock: 1 Upsert + 1 Retrieve of the job
/// row, 1 Update of it at the end. Per page of P due requests raising E rungs on W requests whose values change:
/// 1 index query + 1 re-read + 1 escalation read + (0 or 1) property read + E creates + W updates, then 1 index query of
/// the overdue recovery cases (which finds none here; <see cref="RecoveryCaseSweepTests"/> prices the cases),
/// and at most one read of the SLA configuration when the per-worker cache is cold (it is shared by every test in
/// the process, so whether it is cold is not this test's to decide; a call with nothing due never loads it).
/// Budget change (job lock): the P empty lock updates per page are gone (an update that changes nothing still bumps
/// the version, fires every unfiltered Update step and "modified" trigger); the job row's three calls per call
/// replace them, so any call with more than one due request costs fewer calls than before, and a call with nothing
/// due costs 4 instead of 1 (the price of serialising sweeps on a real column of a row made for it).
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
    public void Sweep_NothingDue_TwoIndexQueries()
    {
        world.AtMinute(20);

        var outcome = world.Sweep();

        Assert.Equal(0, outcome.Processed);
        AssertCalls(world.LastCalls, reads: 2, creates: 0, updates: 0, configurationReads: 0); // requests + recovery cases
    }

    [Fact]
    public void Sweep_ThreeWarnings_ThreeCreatesThreeUpdatesAndThreeReads()
    {
        world.Requests(3);
        world.AtMinute(23);

        var outcome = world.Sweep();

        Assert.Equal(3, outcome.Escalated);
        // index + re-read + escalations; warnings go to the owner, so no property read; + the recovery-case index.
        AssertCalls(world.LastCalls, reads: 4, creates: 3, updates: 3);
    }

    [Fact]
    public void Sweep_ThreeBreachesOnePage_OnePropertyReadForThePage()
    {
        world.Requests(3);
        world.AtMinute(31);

        var outcome = world.Sweep();

        Assert.Equal(6, outcome.Escalated); // warning + level 1 each
        AssertCalls(world.LastCalls, reads: 5, creates: 6, updates: 3);
    }

    [Fact]
    public void Sweep_TwelveDueInPagesOfFive_ReadsGrowWithPagesOnly()
    {
        world.Requests(12);
        world.AtMinute(31);

        var outcome = world.Sweep(pageSize: 5);

        Assert.Equal(24, outcome.Escalated);
        AssertCalls(world.LastCalls, reads: (3 * 4) + 1, creates: 24, updates: 12);
    }

    [Fact]
    public void Sweep_ExactlyFullLastPage_NoEmptyQueryAfterIt()
    {
        world.Requests(10);
        world.AtMinute(23);

        world.Sweep(pageSize: 5);

        // Two full pages; the second says "no more records", so no third query is needed (then the recovery-case index).
        AssertCalls(world.LastCalls, reads: (2 * 3) + 1, creates: 10, updates: 10);
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

    /// <summary>The request/escalation calls, plus exactly the job lock's Upsert, Retrieve and final Update of the job row.</summary>
    private static void AssertCalls(CallCounts all, int reads, int creates, int updates, int configurationReads = 1)
    {
        var job = all.Calls.Where(c => c.EntityName == SweepJobTable.LogicalName).Select(c => c.MessageName).ToArray();
        Assert.Equal(new[] { "Upsert", "Retrieve", "Update" }, job);
        var calls = all.Calls.Where(c => c.EntityName != SweepJobTable.LogicalName).ToArray();
        int Count(params string[] messages) => calls.Count(c => messages.Contains(c.MessageName));
        var readCount = Count("Retrieve", "RetrieveMultiple");
        Assert.True(
            readCount >= reads && readCount <= reads + configurationReads
            && Count("Create") == creates && Count("Update") == updates && calls.Length == readCount + creates + updates,
            $"expected {reads} reads (+ up to {configurationReads} configuration read), {creates} creates, {updates} updates; got {string.Join(", ", calls.Select(c => c.MessageName + " " + c.EntityName))}");
        Assert.All(calls.Where(c => c.MessageName == "Create"), c => Assert.Equal(EscalationTable.LogicalName, c.EntityName));
        Assert.Equal(1, calls.Count(c => c.EntityName == RecoveryCaseTable.LogicalName));
    }
}
