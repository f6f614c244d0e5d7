using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Plugins.Steps.Sla;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Harness.Support;
using Esc = PropertyCrm.Schema.Tables.EscalationTable.Columns;
using static PropertyCrm.Tests.Support.RealThreads;

namespace PropertyCrm.Tests.ServiceRequests.Sweep;

/// <summary>
/// Two sweeps at once on real threads, with the harness's SQL Server–like row locks. Every wait is bounded, so a
/// locking bug fails the test instead of hanging the run.
/// </summary>
public sealed class SlaSweepConcurrencyTests
{
    private readonly SweepWorld world = new();

    [Fact]
    public async Task Sweep_TwoAtOnceAfterBothReadTheSamePage_RaiseEachRungOnce()
    {
        var requests = world.Requests(10);
        world.AtMinute(120);

        // Hold each sweep's first lock update until both have read their first page: the race the lock must win.
        using var bothQueried = new Barrier(2);
        var gate = 0;
        world.Dataverse.RegisterStep(TestSteps.On("Update", ServiceRequestTable.LogicalName, PipelineStage.PreValidation, run =>
        {
            if (run.Context.Depth == 2 && Interlocked.Increment(ref gate) <= 2)
            {
                Assert.True(bothQueried.SignalAndWait(Bound));
            }
        }));

        var outcomes = await Task.WhenAll(Task.Run(() => world.Sweep()), Task.Run(() => world.Sweep())).WaitAsync(Bound);

        // Both handled the ten requests; the one that waited at its first lock re-read them and found every rung recorded.
        Assert.All(outcomes, o => Assert.Equal(10, o.Processed));
        Assert.Equal(new[] { 0, 40 }, outcomes.Select(o => o.Escalated).OrderBy(n => n));
        AssertEachRungOnce(requests);
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

        var results = await Task.WhenAll(Task.Run(() => Attempt()), Task.Run(() => Attempt())).WaitAsync(Bound);

        Assert.All(results, r => Assert.Null(r));
        Assert.Equal(50, world.Escalations().Count); // warning + level 1 each
    }

    private DataverseFaultException? Attempt()
    {
        try
        {
            world.Sweep(pageSize: 5);
            return null;
        }
        catch (DataverseFaultException ex)
        {
            return ex;
        }
    }

    private void AssertEachRungOnce(Guid[] requests)
    {
        var keys = world.Escalations().Select(e =>
            $"{e.GetAttributeValue<EntityReference>(Esc.ServiceRequest).Id}/{e.GetAttributeValue<OptionSetValue>(Esc.Kpi).Value}/{e.GetAttributeValue<OptionSetValue>(Esc.Level).Value}").ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(requests, r => Assert.Equal("FR Warning, FR Level1, FR Level2, FR Level3", world.Rungs(r)));
    }
}
