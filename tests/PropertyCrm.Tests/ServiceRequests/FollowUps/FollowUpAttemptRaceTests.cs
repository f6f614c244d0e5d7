using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Plugins.Steps.FollowUps;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Harness.Support;
using static PropertyCrm.Tests.Support.RealThreads;
using FollowUp = PropertyCrm.Schema.Tables.FollowUpTable.Columns;

namespace PropertyCrm.Tests.ServiceRequests.FollowUps;

/// <summary>
/// Two callers record a failed attempt on the same 回访 at once through <c>pcrm_RecordFollowUp</c>, on real threads,
/// interleaved at a fixed point by a test step: the second caller's call has read the 回访's attempts (the count it adds
/// one to) when the first caller records hers. Both attempts must count: the increment is made on the count read under the
/// 回访's lock, not on a read the first call makes stale.
/// </summary>
public sealed class FollowUpAttemptRaceTests : IDisposable
{
    private readonly FollowUpWorld world = new();

    [Fact]
    public async Task AttemptFailed_TwoCallersAtOnce_BothAttemptsCounted()
    {
        world.Bed.At("2026-03-02T09:00+08:00");
        var id = world.ResolvedRepair();
        var secondCaller = world.Dataverse.CreateUser("客服 孙丽 Follow-up caller 2");

        // The second caller's call has read the attempts (0); right then the first caller records a failed attempt. She goes
        // on until her call has committed, or is about to take the 回访's lock (the pre-operation of her call's lock write,
        // depth 2: the call's own, not the one her update's 回访 rules take at depth 3), whichever comes first.
        var interleaved = 0;
        using var firstAtTheLock = new ManualResetEventSlim();
        Task<DataverseFaultException?>? first = null;
        world.Dataverse.RegisterStep(TestSteps.On(SdkMessageName.Update, FollowUpTable.LogicalName, PipelineStage.PreOperation, run =>
        {
            if (run.Context.InitiatingUserId == world.Caller && run.Context.Depth == 2 && GetTarget(run).Contains(FollowUp.LockedOn))
            {
                firstAtTheLock.Set();
            }
        }, rank: 0));
        world.Dataverse.RegisterStep(TestSteps.On("Retrieve", FollowUpTable.LogicalName, PipelineStage.PostOperation, run =>
        {
            var columns = (ColumnSet)run.Context.InputParameters["ColumnSet"];
            if (run.Context.InitiatingUserId == secondCaller && columns.Columns.Contains(FollowUp.Attempts) && Interlocked.Exchange(ref interleaved, 1) == 0)
            {
                first = OnThread(() => Attempt(() => AttemptFailed(id, world.Caller)));
                Assert.True(SpinWait.SpinUntil(() => first.IsCompleted || firstAtTheLock.IsSet, Bound));
            }
        }));

        var secondFault = await OnThread(() => Attempt(() => AttemptFailed(id, secondCaller))).WaitAsync(Bound);
        var firstFault = await first!.WaitAsync(Bound);

        // One after the other: two failed attempts, two counted. Before the fix both calls read 0 and wrote 1; the second
        // save, checked under the lock on the row the first had made 1, found the count unchanged and counted nothing.
        Assert.Equal(1, interleaved);
        Assert.Null(secondFault);
        Assert.Null(firstFault);
        var followUp = world.LastFollowUp(id);
        Assert.Equal(2, followUp.GetAttributeValue<int?>(FollowUp.Attempts));
        Assert.NotNull(followUp.GetAttributeValue<DateTime?>(FollowUp.FirstAttemptOn));
        Assert.NotNull(followUp.GetAttributeValue<DateTime?>(FollowUp.LastAttemptOn));
    }

    public void Dispose() => world.Dispose();

    private void AttemptFailed(Guid request, Guid user) =>
        world.Api(request, r => r[RecordFollowUpPlugin.AttemptFailedParameter] = true, user);

    private static Entity GetTarget(StepRun run) => (Entity)run.Context.InputParameters["Target"];

    private static DataverseFaultException? Attempt(Action save)
    {
        try
        {
            save();
            return null;
        }
        catch (DataverseFaultException fault)
        {
            return fault;
        }
    }
}
