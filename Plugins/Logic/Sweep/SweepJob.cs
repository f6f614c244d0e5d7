using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.SweepJobTable.Columns;

namespace PropertyCrm.Plugins.Logic.Sweep;

/// <summary>
/// The job-level lock of one scheduled sweep kind: its <c>pcrm_sweepjob</c> row, written first by every call of the
/// kind (Microsoft's pre-lock pattern, "Scalable customization design in Dataverse", auto-numbering example: update a
/// real column of a row that exists for the purpose, then read). Written through the SYSTEM service.
/// </summary>
/// <remarks>
/// <para><b>Taking it.</b> An Upsert on the job name sets <c>pcrm_runid</c> to a fresh id (so the write always changes a
/// value: no empty update, no "modified" event without a change) and the start time. The write takes the row's lock
/// until the call's transaction ends. A second call of the same kind <b>waits</b> at this write until the first commits
/// or rolls back; reads under snapshot isolation cannot see a call in progress, so "come back later" cannot be decided
/// without waiting anyway. The waiter's time budget counts from when it was called, so after the wait it handles at most
/// one row and returns a continuation: the two calls together stay within one call's budget plus a row.</para>
/// <para><b>Creating it.</b> The first call of a kind creates the row (Upsert on the alternate key). Two first calls at
/// the very same moment: one fails on the key's unique index and does nothing (its flow run fails, the next schedule
/// runs); from then on the row exists and calls wait for each other.</para>
/// <para><b>Reading under it.</b> After the lock is held, <c>pcrm_lockversion</c> is read: no other call of the kind can
/// have changed it since, so <see cref="Finish"/> increments it without losing a count.</para>
/// <para><b>Calls.</b> 1 Upsert + 1 Retrieve when taken, 1 Update when finished.</para>
/// </remarks>
public sealed class SweepJob
{
    private readonly IOrganizationService systemService;
    private readonly Guid id;
    private readonly int lockVersion;

    private SweepJob(IOrganizationService systemService, Guid id, int lockVersion)
    {
        this.systemService = systemService;
        this.id = id;
        this.lockVersion = lockVersion;
    }

    /// <summary>Takes the lock of the job <paramref name="name"/> (one of <see cref="SweepJobTable.Jobs"/>), waiting for a call holding it.</summary>
    public static SweepJob Take(IOrganizationService systemService, string name, DateTime nowUtc)
    {
        Guard.NotNull(systemService, nameof(systemService));

        var target = new Entity(SweepJobTable.LogicalName, Columns.Name, name)
        {
            [Columns.RunId] = Guid.NewGuid().ToString("N"),
            [Columns.LastStartedOn] = nowUtc,
        };
        var response = (UpsertResponse)systemService.Execute(new UpsertRequest { Target = target });
        var id = response.Target?.Id ?? Guid.Empty;
        var row = systemService.Retrieve(SweepJobTable.LogicalName, id, new ColumnSet(Columns.LockVersion));
        return new SweepJob(systemService, id, row.GetAttributeValue<int?>(Columns.LockVersion) ?? 0);
    }

    /// <summary>Records what the call did; increments the lock version (still under the lock, so no count is lost).</summary>
    public void Finish(DateTime nowUtc, int processed, int changed, string? continuation)
    {
        systemService.Update(new Entity(SweepJobTable.LogicalName, id)
        {
            [Columns.LockVersion] = lockVersion == int.MaxValue ? 1 : lockVersion + 1,
            [Columns.LastFinishedOn] = nowUtc,
            [Columns.LastProcessed] = processed,
            [Columns.LastChanged] = changed,
            [Columns.LastContinuation] = string.IsNullOrEmpty(continuation) ? null : ColumnText.Fit(continuation, SweepJobTable.MaxLengths.LastContinuation),
        });
    }
}
