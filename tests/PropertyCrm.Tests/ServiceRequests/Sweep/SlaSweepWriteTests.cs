using System;
using System.Linq;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Harness.Support;

namespace PropertyCrm.Tests.ServiceRequests.Sweep;

/// <summary>
/// The sweep writes a request only when one of its values changes: no empty "lock" update, so no version bump, no
/// Update step, no "modified" trigger for requests it leaves as they are. It serialises on its job row instead.
/// </summary>
public sealed class SlaSweepWriteTests
{
    private readonly SweepWorld world = new();
    private int requestUpdates;

    public SlaSweepWriteTests()
    {
        // An unfiltered Update step on requests, as a "when a row is modified" flow would be.
        world.Dataverse.RegisterStep(TestSteps.On("Update", ServiceRequestTable.LogicalName, PipelineStage.PostOperation, _ => requestUpdates++));
    }

    [Fact]
    public void Sweep_NothingDue_EveryRequestVersionUnchangedAndNoUpdateStep()
    {
        var requests = world.Requests(5);
        world.AtMinute(20);
        var before = requests.Select(r => world.Row(r).RowVersion).ToArray();

        var outcome = world.Sweep();

        Assert.Equal(0, outcome.Processed);
        Assert.Equal(before, requests.Select(r => world.Row(r).RowVersion).ToArray());
        Assert.Equal(0, requestUpdates);
    }

    [Fact]
    public void Sweep_DueButUnchangeable_VersionUnchangedAndNoUpdateStep()
    {
        // Due, but its calendar is unknown: the rules refuse it, the sweep leaves it due and untouched.
        var broken = world.Request(frCalendar: "no-such-calendar");
        world.AtMinute(23);
        var before = world.Row(broken).RowVersion;

        var outcome = world.Sweep();

        Assert.Equal(1, outcome.Processed);
        Assert.Equal(before, world.Row(broken).RowVersion);
        Assert.Equal(0, requestUpdates);
    }

    [Fact]
    public void Sweep_SomeEscalate_WritesOnlyThoseRequests()
    {
        var due = world.Requests(3);
        var broken = world.Request(frCalendar: "no-such-calendar");
        var onTime = world.Requests(2, SweepWorld.Start.AddHours(1));
        world.AtMinute(23);
        var untouched = onTime.Append(broken).ToArray();
        var before = untouched.Select(r => world.Row(r).RowVersion).ToArray();
        var dueBefore = due.Select(r => world.Row(r).RowVersion).ToArray();

        var outcome = world.Sweep();

        Assert.Equal(3, outcome.Escalated);
        Assert.Equal(3, requestUpdates);
        Assert.Equal(before, untouched.Select(r => world.Row(r).RowVersion).ToArray());
        Assert.All(due.Zip(dueBefore), p => Assert.NotEqual(p.Second, world.Row(p.First).RowVersion));
    }

    [Fact]
    public void Sweep_EachCall_IncrementsTheJobRowLockVersionAndRecordsTheRun()
    {
        world.Requests(3);
        world.AtMinute(23);

        world.Sweep();
        world.Sweep();

        var job = world.Job!;
        Assert.Equal(2, job.GetAttributeValue<int>(SweepJobTable.Columns.LockVersion));
        Assert.Equal(0, job.GetAttributeValue<int>(SweepJobTable.Columns.LastProcessed)); // the second call found nothing due
        Assert.Equal(world.Dataverse.Clock.UtcNow, job.GetAttributeValue<DateTime>(SweepJobTable.Columns.LastFinishedOn));
        Assert.Null(job.GetAttributeValue<string>(SweepJobTable.Columns.LastContinuation));
        Assert.Single(world.Dataverse.PeekAll(SweepJobTable.LogicalName));
    }
}
