using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Harness.Support;
using static PropertyCrm.Tests.Support.RealThreads;
using Esc = PropertyCrm.Schema.Tables.EscalationTable.Columns;

namespace PropertyCrm.Tests.ServiceRequests.Sweep;

/// <summary>
/// Two sweeps at once, and a sweep racing an agent's save, on real threads with the harness's SQL Server–like row
/// locks and snapshot reads. Every wait is bounded, so a locking bug fails the test instead of hanging the run.
/// </summary>
public sealed class SlaSweepConcurrencyTests
{
    private readonly SweepWorld world = new();

    public SlaSweepConcurrencyTests()
    {
        // Steady state: an earlier call created the job row (the very first calls' race is its own test).
        world.JobRow();
    }

    [Fact]
    public async Task Sweep_SecondStartsWhileFirstHoldsTheJob_SecondWaitsAndFindsNothingDue()
    {
        var requests = world.Requests(10);
        world.AtMinute(120);

        // The first call, holding the job lock at its page query, starts the second and goes on only once the second
        // has read its page-size setting (its last read before the job lock); it then waits there for the first's commit.
        using var secondAtTheLock = new ManualResetEventSlim();
        Task<SweepOutcome>? second = null;
        var pageQueries = 0;
        world.Dataverse.RegisterStep(TestSteps.On("RetrieveMultiple", ServiceRequestTable.LogicalName, PipelineStage.PreOperation, run =>
        {
            if (run.Context.Depth == 2 && Interlocked.Increment(ref pageQueries) == 1)
            {
                second = OnThread(() => world.Sweep(pageSize: null)); // reads the page-size setting just before the job lock
                Assert.True(secondAtTheLock.Wait(Bound));
            }
        }));
        world.Dataverse.RegisterStep(TestSteps.On("RetrieveMultiple", "environmentvariabledefinition", PipelineStage.PreOperation, run =>
        {
            // Only the second call reads the setting (the first is given its page size).
            secondAtTheLock.Set();
        }));

        var first = await OnThread(() => world.Sweep()).WaitAsync(Bound);
        var later = await second!.WaitAsync(Bound);

        Assert.Equal((10, 40), (first.Processed, first.Escalated));
        Assert.Equal((0, 0), (later.Processed, later.Escalated));
        AssertEachRungOnce(requests);
    }

    [Fact]
    public async Task Sweep_RequestAcceptedAfterPageReadBeforeReRead_NotEscalatedNotRearmed()
    {
        var request = world.Request();
        world.AtMinute(31);
        var reads = 0;
        world.Dataverse.RegisterStep(TestSteps.On("RetrieveMultiple", ServiceRequestTable.LogicalName, PipelineStage.PreOperation, run =>
        {
            // The sweep's second read of requests is the re-read: the agent accepts the request just before it.
            if (run.Context.Depth == 2 && Interlocked.Increment(ref reads) == 2)
            {
                Accept(request).Wait(Bound);
            }
        }));

        var outcome = await OnThread(() => world.Sweep()).WaitAsync(Bound);

        Assert.Equal((1, 0), (outcome.Processed, outcome.Escalated));
        Assert.Empty(world.Escalations(request));
        Assert.Equal(ServiceRequestTable.StatusReasons.Accepted, world.Row(request).GetAttributeValue<OptionSetValue>(ServiceRequestTable.Columns.StatusCode).Value);
        Assert.Null(world.NextIndex(request));
    }

    [Fact]
    public async Task Sweep_RequestAcceptedAfterReReadBeforeWrite_CallRolledBackNothingLost()
    {
        var request = world.Request();
        world.AtMinute(31);
        Entity? accepted = null;
        world.Dataverse.RegisterStep(TestSteps.On("RetrieveMultiple", EscalationTable.LogicalName, PipelineStage.PreOperation, run =>
        {
            // After the sweep re-read the request (still New) and before it writes: the agent accepts it.
            Accept(request).Wait(Bound);
            accepted = world.Row(request);
        }));

        var fault = await OnThread(() => Attempt()).WaitAsync(Bound);

        // The sweep's update carried the re-read's version: it failed (ConcurrencyVersionMismatch, surfaced through the
        // plug-in's fault), and the whole call rolled back.
        Assert.NotNull(fault);
        Assert.Contains("version", fault!.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(world.Escalations(request));
        Assert.Equal(accepted!.RowVersion, world.Row(request).RowVersion);
        Assert.Null(world.NextIndex(request));
        Assert.Equal(0, world.Sweep().Processed);
    }

    [Fact]
    public async Task Sweep_FirstTwoCallsEverAtOnce_OneJobRowAndNoRungTwice()
    {
        var fresh = new SweepWorld();
        var requests = fresh.Requests(5);
        fresh.AtMinute(31);

        var results = await Task.WhenAll(OnThread(() => Try(fresh)), OnThread(() => Try(fresh))).WaitAsync(Bound);

        // Both create the job row at once: the key's unique index lets one through; the other fails before doing anything.
        Assert.Single(fresh.Dataverse.PeekAll(SweepJobTable.LogicalName));
        Assert.Contains(results, r => r is null);
        Assert.All(results.Where(r => r is not null), r => Assert.Contains(SweepJobTable.LogicalName, r!.Message));
        Assert.All(requests, r => Assert.Equal("FR Warning, FR Level1", fresh.Rungs(r)));
    }

    private Task Accept(Guid request) => OnThread(() => world.Dataverse.Service.Update(new Entity(ServiceRequestTable.LogicalName, request)
    {
        [ServiceRequestTable.Columns.StatusCode] = new OptionSetValue(ServiceRequestTable.StatusReasons.Accepted),
    }));

    private static DataverseFaultException? Try(SweepWorld target)
    {
        try
        {
            target.Sweep();
            return null;
        }
        catch (DataverseFaultException ex)
        {
            return ex;
        }
    }

    [Fact]
    public async Task Sweep_ManyRoundsOfTwoAtOnce_NeverRaiseARungTwice()
    {
        var requests = world.Requests(30);
        for (var minute = 20; minute <= 65; minute += 5)
        {
            world.AtMinute(minute);
            var outcomes = await Task.WhenAll(Task.Run(() => world.Sweep(pageSize: 7)), Task.Run(() => world.Sweep(pageSize: 7))).WaitAsync(Bound);
            Assert.All(outcomes, o => Assert.False(o.MoreRecords));
        }

        Assert.Equal(30 * 4, world.Escalations().Count);
        AssertEachRungOnce(requests);
        Assert.All(requests, r => Assert.Null(world.NextIndex(r)));
    }

    [Fact]
    public async Task Sweep_TwoAtOnce_NeitherFailsNorDeadlocks()
    {
        world.Requests(25);
        world.AtMinute(31);

        var results = await Task.WhenAll(OnThread(() => Try(world)), OnThread(() => Try(world))).WaitAsync(Bound);

        Assert.All(results, r => Assert.Null(r));
        Assert.Equal(50, world.Escalations().Count); // warning + level 1 each
    }

    private DataverseFaultException? Attempt() => Try(world);

    private void AssertEachRungOnce(Guid[] requests)
    {
        var keys = world.Escalations().Select(e =>
            $"{e.GetAttributeValue<EntityReference>(Esc.ServiceRequest).Id}/{e.GetAttributeValue<OptionSetValue>(Esc.Kpi).Value}/{e.GetAttributeValue<OptionSetValue>(Esc.Level).Value}").ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(requests, r => Assert.Equal("FR Warning, FR Level1, FR Level2, FR Level3", world.Rungs(r)));
    }
}
