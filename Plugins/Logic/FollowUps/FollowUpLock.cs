using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.FollowUps;

/// <summary>
/// The 回访's own row lock, taken in the pre-operation of a save before the 回访 rules decide, and the row read under it —
/// the pattern of <see cref="RequestLocks.RequestLock"/> for the follow-up row.
/// </summary>
/// <remarks>
/// <para><b>Why.</b> Two staff recording the same 回访 at once (two callers, a double submit of the form, a flow and a
/// person) both read a pending pre-image when their pipelines start; the second waited only at its main write and then
/// overwrote the answers of a 回访 the first had already finished (a closed request whose last 回访 reads "not fixed").
/// Under the lock the second save sees the finished 回访 and is refused ("a finished 回访 stays finished").</para>
/// <para><b>Once per save.</b> A form save with answers and the status runs in two parts (status split): the first part
/// locks and reads; the second part's pre-image is read after the first part's write, under that lock, so it is fresh
/// and is used as it is. The row read under the lock is handed on in SharedVariables (shared by both parts), so the
/// post-operation step knows the status the 回访 had before this save.</para>
/// <para><b>Calls.</b> 1 write (<c>pcrm_lockedon</c>) + 1 read per save that the 回访 rules check.</para>
/// </remarks>
public static class FollowUpLock
{
    /// <summary>The shared variable holding the 回访 row read under the lock, as it was before this save.</summary>
    public const string SharedVariable = "pcrm_followuplockedrow";

    /// <summary>
    /// The 回访 as its rules must see it: locked and read now, or — in the second part of a split save — this part's
    /// pre-image, read under the lock the first part took.
    /// </summary>
    public static Entity LockAndRead(IOrganizationService system, IPluginExecutionContext execution, Entity image, DateTime nowUtc, ColumnSet columns)
    {
        Guard.NotNull(system, nameof(system));
        Guard.NotNull(execution, nameof(execution));
        Guard.NotNull(image, nameof(image));
        if (Before(execution, image.Id) is not null || RequestLocks.RequestLock.IsOptimistic(execution))
        {
            // The first part of this save locked the row (this image was read under that lock), or the caller's row
            // version check stands for the lock (see RequestLock.IsOptimistic).
            return image;
        }

        Lock(system, image.Id, nowUtc);
        var row = system.Retrieve(FollowUpTable.LogicalName, image.Id, columns);
        execution.SharedVariables[SharedVariable] = row;
        return row;
    }

    /// <summary>
    /// Takes the 回访's row lock outside a save of it (1 write): for a caller that computes a column from the row and must
    /// read it under the lock first — <c>pcrm_RecordFollowUp</c> adding a failed attempt. The lock holds until the caller's
    /// transaction ends, so its own update of the 回访 and that update's <see cref="LockAndRead"/> (same transaction) pass.
    /// </summary>
    public static void Lock(IOrganizationService system, Guid followUpId, DateTime nowUtc)
    {
        Guard.NotNull(system, nameof(system));
        system.Update(new Entity(FollowUpTable.LogicalName, followUpId) { [FollowUpTable.Columns.LockedOn] = nowUtc });
    }

    /// <summary>The 回访 as it was before this save, read under the lock by the pre-operation step; null when none was taken.</summary>
    public static Entity? Before(IPluginExecutionContext execution, Guid followUpId)
    {
        Guard.NotNull(execution, nameof(execution));
        return execution.SharedVariables.TryGetValue(SharedVariable, out var value) && value is Entity row && row.Id == followUpId ? row : null;
    }
}
