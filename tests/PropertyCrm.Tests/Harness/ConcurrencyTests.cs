using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Registration;
using PropertyCrm.Schema.Tables;
using PropertyCrm.Tests.Harness.Support;
using static PropertyCrm.Tests.Support.RealThreads;

namespace PropertyCrm.Tests.Harness;

/// <summary>
/// Row locking under real threads. Every wait is bounded, so a harness bug fails the test instead of
/// hanging the run.
/// </summary>
public sealed class ConcurrencyTests
{
    // A real contact column: the harness refuses columns the shipped solution does not define.
    private const string Balance = ContactTable.Columns.PointsBalance;

    private readonly FakeDataverse dataverse = new();
    private readonly Guid owner;

    public ConcurrencyTests()
    {
        owner = dataverse.Seed(new Entity("contact") { [Balance] = 10 });
    }

    [Fact]
    public void Update_StaleRowVersion_FaultsConcurrencyVersionMismatch()
    {
        var read = dataverse.Service.Retrieve("contact", owner, new ColumnSet(Balance));
        dataverse.Service.Update(new Entity("contact", owner) { [Balance] = 9 });

        var stale = new Entity("contact", owner) { [Balance] = 1, RowVersion = read.RowVersion };
        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Execute(new UpdateRequest { Target = stale, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));

        Assert.Equal(DataverseErrorCodes.ConcurrencyVersionMismatch, fault.ErrorCode);
        Assert.Equal(9, dataverse.Peek("contact", owner)![Balance]);
    }

    [Fact]
    public void UpdateAndDelete_CurrentRowVersion_Succeed()
    {
        var read = dataverse.Service.Retrieve("contact", owner, new ColumnSet(Balance));
        dataverse.Service.Execute(new UpdateRequest
        {
            Target = new Entity("contact", owner) { [Balance] = 5, RowVersion = read.RowVersion },
            ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
        });
        var after = dataverse.Peek("contact", owner)!;

        var staleDelete = new DeleteRequest { Target = new EntityReference(
            "contact",
            owner) { RowVersion = read.RowVersion }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches };
        Assert.Equal(DataverseErrorCodes.ConcurrencyVersionMismatch, Assert.Throws<DataverseFaultException>(() => dataverse.Service.Execute(staleDelete)).ErrorCode);
        dataverse.Service.Execute(new DeleteRequest { Target = new EntityReference(
            "contact",
            owner) { RowVersion = after.RowVersion }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });

        Assert.Null(dataverse.Peek("contact", owner));
    }

    [Fact]
    public void Update_IfRowVersionMatchesWithoutVersion_FaultsVersionNotProvided()
    {
        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Execute(new UpdateRequest
        {
            Target = new Entity("contact", owner) { [Balance] = 1 },
            ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
        }));

        Assert.Equal(DataverseErrorCodes.ConcurrencyVersionNotProvided, fault.ErrorCode);
    }

    [Fact]
    public async Task Redeem_NaiveReadModifyWriteOnTwoThreads_LosesAnUpdate()
    {
        using var bothRead = new Barrier(2);
        dataverse.RegisterStep(RedemptionStep(r =>
        {
            var balance = (int)r.Service.Retrieve("contact", owner, new ColumnSet(Balance))[Balance];
            Assert.True(bothRead.SignalAndWait(Bound));
            Spend(r, balance);
            r.Service.Update(new Entity("contact", owner) { [Balance] = balance - Points(r) });
        }));

        var results = await RedeemTwiceInParallel();

        // Both succeeded on the same balance: 16 points spent, 8 deducted.
        Assert.All(results, r => Assert.Null(r));
        Assert.Equal(2, dataverse.Count("pcrm_redemption"));
        Assert.Equal(2, dataverse.Peek("contact", owner)![Balance]);
    }

    [Fact]
    public async Task Redeem_RowVersionCheckedWriteOnTwoThreads_OnlyOneSucceeds()
    {
        using var bothRead = new Barrier(2);
        dataverse.RegisterStep(RedemptionStep(r =>
        {
            var read = r.Service.Retrieve("contact", owner, new ColumnSet(Balance));
            var balance = (int)read[Balance];
            Assert.True(bothRead.SignalAndWait(Bound));
            Spend(r, balance);
            r.Service.Execute(new UpdateRequest
            {
                Target = new Entity("contact", owner) { [Balance] = balance - Points(r), RowVersion = read.RowVersion },
                ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
            });
        }));

        var results = await RedeemTwiceInParallel();

        Assert.Single(results, r => r is null);
        Assert.Equal(DataverseErrorCodes.ConcurrencyVersionMismatch, Assert.Single(results, r => r is not null)!.ErrorCode);
        Assert.Equal(1, dataverse.Count("pcrm_redemption"));
        Assert.Equal(2, dataverse.Peek("contact", owner)![Balance]);
    }

    [Fact]
    public async Task Redeem_LockOwnerRowFirstOnTwoThreads_SecondSeesCommittedBalanceAndRefuses()
    {
        dataverse.RegisterStep(RedemptionStep(r =>
        {
            // A write first takes the row's exclusive lock: the other redemption waits here until this
            // transaction commits, then reads the committed balance.
            r.Service.Update(new Entity("contact", owner));
            var balance = (int)r.Service.Retrieve("contact", owner, new ColumnSet(Balance))[Balance];
            Thread.Sleep(50);
            Spend(r, balance);
            r.Service.Update(new Entity("contact", owner) { [Balance] = balance - Points(r) });
        }));

        var results = await RedeemTwiceInParallel();

        Assert.Single(results, r => r is null);
        Assert.Equal(DataverseErrorCodes.IsvAborted, Assert.Single(results, r => r is not null)!.ErrorCode);
        Assert.Equal(1, dataverse.Count("pcrm_redemption"));
        Assert.Equal(2, dataverse.Peek("contact", owner)![Balance]);
    }

    [Fact]
    public async Task Retrieve_RowLockedByAnotherTransaction_ReadsLastCommittedWithoutWaiting()
    {
        using var written = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        dataverse.RegisterStep(TestSteps.On("Update", "contact", PipelineStage.PostOperation, _ =>
        {
            written.Set();
            Assert.True(release.Wait(Bound));
        }));
        var writer = OnThread(() => Try(() => dataverse.Service.Update(new Entity("contact", owner) { [Balance] = 1 })));
        Assert.True(written.Wait(Bound));

        // Read committed snapshot: the writer still holds the row, the reader neither waits nor sees its change.
        var during = (int)dataverse.Service.Retrieve("contact", owner, new ColumnSet(Balance))[Balance];
        var queried = dataverse.Service.RetrieveMultiple(new QueryExpression("contact") { ColumnSet = new ColumnSet(Balance) }).Entities.Single().GetAttributeValue<int>(Balance);
        release.Set();

        Assert.Equal(10, during);
        Assert.Equal(10, queried);
        Assert.Null(await writer.WaitAsync(Bound));
        Assert.Equal(1, dataverse.Service.Retrieve("contact", owner, new ColumnSet(Balance))[Balance]);
    }

    [Fact]
    public async Task RetrieveMultiple_NoLockWhileRowLocked_IgnoredReadsCommittedNotDirty()
    {
        using var written = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        dataverse.RegisterStep(TestSteps.On("Update", "contact", PipelineStage.PostOperation, _ =>
        {
            written.Set();
            Assert.True(release.Wait(Bound));
        }));
        var writer = OnThread(() => Try(() => dataverse.Service.Update(new Entity("contact", owner) { [Balance] = 3 })));
        Assert.True(written.Wait(Bound));

        var expression = dataverse.Service.RetrieveMultiple(new QueryExpression("contact") { ColumnSet = new ColumnSet(Balance), NoLock = true });
        var fetch = dataverse.Service.RetrieveMultiple(new FetchExpression("<fetch no-lock='true'><entity name='contact'><attribute name='" + Balance + "' /></entity></fetch>"));
        release.Set();

        Assert.Equal(10, expression.Entities.Single()[Balance]);
        Assert.Equal(10, fetch.Entities.Single()[Balance]);
        Assert.Null(await writer.WaitAsync(Bound));
    }

    [Fact]
    public async Task Read_UncommittedInsertAndDeleteOfAnotherTransaction_InsertInvisibleDeletedRowStillThere()
    {
        var doomed = dataverse.Seed(new Entity("pcrm_item") { ["pcrm_value"] = 1 });
        using var written = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        Guid inserted = Guid.Empty;
        dataverse.RegisterStep(TestSteps.On("Create", "pcrm_pair", PipelineStage.PostOperation, r =>
        {
            inserted = r.Service.Create(new Entity("pcrm_item") { ["pcrm_value"] = 2 });
            r.Service.Delete("pcrm_item", doomed);
            written.Set();
            Assert.True(release.Wait(Bound));
        }));
        var writer = OnThread(() => Try(() => dataverse.Service.Create(new Entity("pcrm_pair"))));
        Assert.True(written.Wait(Bound));

        var seen = dataverse.Service.RetrieveMultiple(new QueryExpression("pcrm_item") { ColumnSet = new ColumnSet("pcrm_value") }).Entities.Select(e => e.Id).ToArray();
        var missing = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Retrieve("pcrm_item", inserted, new ColumnSet(false)));
        var stillThere = dataverse.Service.Retrieve("pcrm_item", doomed, new ColumnSet("pcrm_value"));
        release.Set();

        Assert.Equal(new[] { doomed }, seen);
        Assert.Equal(DataverseErrorCodes.ObjectDoesNotExist, missing.ErrorCode);
        Assert.Equal(1, stillThere["pcrm_value"]);
        Assert.Null(await writer.WaitAsync(Bound));
        Assert.Equal(new[] { inserted }, dataverse.PeekAll("pcrm_item").Select(e => e.Id).ToArray());
    }

    [Fact]
    public void Read_OwnTransactionsUncommittedWrite_SeesIt()
    {
        int? seenByRetrieve = null, seenByQuery = null;
        dataverse.RegisterStep(TestSteps.On("Update", "contact", PipelineStage.PostOperation, r =>
        {
            seenByRetrieve = (int)r.Service.Retrieve("contact", owner, new ColumnSet(Balance))[Balance];
            seenByQuery = r.Service.RetrieveMultiple(new QueryExpression("contact") { ColumnSet = new ColumnSet(Balance) }).Entities.Single().GetAttributeValue<int>(Balance);
        }));

        dataverse.Service.Update(new Entity("contact", owner) { [Balance] = 7 });

        Assert.Equal(7, seenByRetrieve);
        Assert.Equal(7, seenByQuery);
    }

    [Fact]
    public async Task Update_RowLockedByAnotherTransaction_WaitsForCommitThenWrites()
    {
        using var written = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        dataverse.RegisterStep(TestSteps.On("Update", "contact", PipelineStage.PostOperation, r =>
        {
            if ((int)r.Target[Balance] == 1)
            {
                written.Set();
                Assert.True(release.Wait(Bound));
            }
        }));
        var first = OnThread(() => Try(() => dataverse.Service.Update(new Entity("contact", owner) { [Balance] = 1 })));
        Assert.True(written.Wait(Bound));
        var second = OnThread(() => Try(() => dataverse.Service.Update(new Entity("contact", owner) { [Balance] = 2 })));

        // Writes still block writes: the second cannot finish while the first holds the row.
        Assert.NotSame(second, await Task.WhenAny(second, Task.Delay(TimeSpan.FromMilliseconds(200))));
        release.Set();

        Assert.Null(await first.WaitAsync(Bound));
        Assert.Null(await second.WaitAsync(Bound));
        Assert.Equal(2, dataverse.Peek("contact", owner)![Balance]);
    }

    [Fact]
    public async Task Update_TwoTransactionsLockRowsInOppositeOrder_OneIsDeadlockVictimAndRolledBack()
    {
        var x = dataverse.Seed(new Entity("pcrm_item") { ["pcrm_value"] = 0 });
        var y = dataverse.Seed(new Entity("pcrm_item") { ["pcrm_value"] = 0 });
        using var bothLocked = new Barrier(2);
        dataverse.RegisterStep(TestSteps.On("Create", "pcrm_pair", PipelineStage.PreOperation, r =>
        {
            var first = (Guid)r.Target["pcrm_first"];
            var second = (Guid)r.Target["pcrm_second"];
            r.Service.Update(new Entity("pcrm_item", first) { ["pcrm_value"] = 1 });
            Assert.True(bothLocked.SignalAndWait(Bound));
            r.Service.Update(new Entity("pcrm_item", second) { ["pcrm_value"] = 1 });
        }));

        var a = OnThread(() => Try(() => dataverse.Service.Create(new Entity("pcrm_pair") { ["pcrm_first"] = x, ["pcrm_second"] = y })));
        var b = OnThread(() => Try(() => dataverse.Service.Create(new Entity("pcrm_pair") { ["pcrm_first"] = y, ["pcrm_second"] = x })));
        var results = await Task.WhenAll(a, b).WaitAsync(Bound);

        var victim = Assert.Single(results, r => r is not null)!;
        Assert.Equal(DataverseErrorCodes.GenericSqlError, victim.ErrorCode);
        Assert.Contains("1205", victim.Message, StringComparison.Ordinal);
        Assert.Equal(1, dataverse.Count("pcrm_pair"));
    }

    [Fact]
    public async Task Update_LockHeldLongerThanTimeout_WaiterFaultsAsDeadlock()
    {
        dataverse.LockTimeout = TimeSpan.FromMilliseconds(300);
        using var written = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        dataverse.RegisterStep(TestSteps.On("Update", "contact", PipelineStage.PostOperation, r =>
        {
            if ((int)r.Target[Balance] == 1)
            {
                written.Set();
                Assert.True(release.Wait(Bound));
            }
        }));
        var holder = OnThread(() => Try(() => dataverse.Service.Update(new Entity("contact", owner) { [Balance] = 1 })));
        Assert.True(written.Wait(Bound));

        var watch = Stopwatch.StartNew();
        var fault = Assert.Throws<DataverseFaultException>(() => dataverse.Service.Update(new Entity("contact", owner) { [Balance] = 2 }));
        release.Set();

        Assert.Equal(DataverseErrorCodes.GenericSqlError, fault.ErrorCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(250));
        Assert.Null(await holder.WaitAsync(Bound));
        Assert.Equal(1, dataverse.Peek("contact", owner)![Balance]);
    }

    private StepDeclaration RedemptionStep(Action<StepRun> action) =>
        TestSteps.On("Create", "pcrm_redemption", PipelineStage.PreOperation, action);

    private static int Points(StepRun run) => (int)run.Target[RedemptionTable.Columns.Points];

    private static void Spend(StepRun run, int balance)
    {
        if (balance < Points(run))
        {
            throw new InvalidPluginExecutionException("积分不足 / Not enough points.");
        }
    }

    private async Task<DataverseFaultException?[]> RedeemTwiceInParallel()
    {
        var tasks = Enumerable.Range(0, 2)
            .Select(_ => OnThread(() => Try(() => dataverse.Service.Create(new Entity("pcrm_redemption")
            {
                [RedemptionTable.Columns.Contact] = new EntityReference("contact", owner),
                [RedemptionTable.Columns.Points] = 8,
            }))))
            .ToArray();
        return await Task.WhenAll(tasks).WaitAsync(Bound);
    }

    // A dedicated thread each: the callers block on locks and barriers, which must not starve the pool.
    private static DataverseFaultException? Try(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (DataverseFaultException ex)
        {
            return ex;
        }
    }
}
