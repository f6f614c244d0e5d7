using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.RequestLocks;

/// <summary>
/// The service request's own row lock, taken before anything decides on the request's status, and the row read under it.
/// </summary>
/// <remarks>
/// <para><b>Why.</b> A step's pre-image is read when the pipeline starts, without a lock (Dataverse reads under
/// READ_COMMITTED_SNAPSHOT: a read never waits); SQL locks the row only when the main operation writes it. Two status
/// changes of one request (a technician pausing it while a colleague resolves it; a 回访 reopening it while staff move it
/// on) both decide from the same committed status: the second waits for the first only at its main write, then saves a
/// move its rules allowed from a status that no longer holds (a paused request with a pending 回访 and no reopen
/// counted; a second resolution blocked for ever by the first one's 回访 key).</para>
/// <para><b>How.</b> Microsoft's pre-lock pattern (Learn, "Scalable customization design: Database transactions": an
/// update takes the row's write lock and holds it until the transaction ends): in pre-operation, write a real column of
/// the request, <c>pcrm_lockedon</c>, then read the request. The write waits for any other transaction that holds the
/// row; the read that follows sees the committed row (or this transaction's own writes), so the rules decide on the
/// status that will be overwritten. No Update that sets nothing: <c>pcrm_lockedon</c> is a column kept for this, no step
/// filters on it, and the status change writes the row (its version, modified on) anyway.</para>
/// <para><b>Calls.</b> 1 write + 1 read per status change, as SYSTEM (the lock is the system's device; the main
/// operation still checks the user's Write privilege).</para>
/// </remarks>
public static class RequestLock
{
    /// <summary>The shared variable under which the lock step hands the row read under the lock to the later steps.</summary>
    public const string SharedVariable = "pcrm_requestlockedrow";

    /// <summary>Writes <c>pcrm_lockedon</c> (taking the row's lock for the rest of the transaction), then reads the row.</summary>
    public static Entity LockAndRead(IOrganizationService system, Guid requestId, DateTime nowUtc, ColumnSet columns)
    {
        Guard.NotNull(system, nameof(system));
        system.Update(new Entity(ServiceRequestTable.LogicalName, requestId) { [ServiceRequestTable.Columns.LockedOn] = nowUtc });
        return system.Retrieve(ServiceRequestTable.LogicalName, requestId, columns);
    }

    /// <summary>
    /// Whether the caller sent the save with optimistic concurrency (<c>ConcurrencyBehavior.IfRowVersionMatches</c>, Web API
    /// <c>If-Match</c>). The platform then compares the row version under the main operation's lock: a row changed since the
    /// caller read it (and so since the pre-image) fails the save, so the pre-image cannot be stale for a save that commits.
    /// A lock write of our own would instead change the version and fail every such save, so none is taken.
    /// </summary>
    public static bool IsOptimistic(IPluginExecutionContext execution)
    {
        Guard.NotNull(execution, nameof(execution));
        return execution.InputParameters.TryGetValue(ConcurrencyBehaviorParameter, out var value)
            && value is ConcurrencyBehavior behavior && behavior == ConcurrencyBehavior.IfRowVersionMatches;
    }

    /// <summary>The request parameter UpdateRequest.ConcurrencyBehavior travels in.</summary>
    private const string ConcurrencyBehaviorParameter = "ConcurrencyBehavior";

    /// <summary>
    /// The request as a status rule must see it: the row the lock step of this operation read under the lock, or, when
    /// no lock was taken (the update changes no status), the step's own pre-image.
    /// </summary>
    public static Entity Current(IPluginExecutionContext execution, string preImageAlias)
    {
        Guard.NotNull(execution, nameof(execution));
        var image = execution.PreEntityImages[preImageAlias];
        return execution.SharedVariables.TryGetValue(SharedVariable, out var value) && value is Entity locked && locked.Id == image.Id
            ? locked
            : image;
    }
}
