using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Plugins.Logic.Loyalty;

namespace PropertyCrm.Plugins.Steps.Loyalty;

/// <summary>
/// Hands the owner a pre-operation step locked (<see cref="OwnerLock"/>) to the same plug-in's post-operation step,
/// through the pipeline's SharedVariables, so post-operation needs neither a second lock nor a second read of the
/// contact. Each plug-in names its own variables.
/// </summary>
internal sealed class LockedOwnerHandOver
{
    private readonly string ownerIdVariable;
    private readonly string tierVariable;
    private readonly string balanceVariable;

    public LockedOwnerHandOver(string ownerIdVariable, string tierVariable, string balanceVariable)
    {
        this.ownerIdVariable = ownerIdVariable;
        this.tierVariable = tierVariable;
        this.balanceVariable = balanceVariable;
    }

    /// <summary>
    /// Pre-operation: records <paramref name="ownerId"/> (<see cref="Guid.Empty"/> when nothing names an owner) and,
    /// when there is one, locks the owner's loyalty account and records the tier and balance read under the lock.
    /// </summary>
    public void Lock(IOrganizationService service, ParameterCollection shared, Guid ownerId, DateTime nowUtc)
    {
        shared[ownerIdVariable] = ownerId;
        if (ownerId != Guid.Empty)
        {
            var owner = OwnerLock.Lock(service, ownerId, nowUtc);
            shared[tierVariable] = (int)owner.Tier;
            shared[balanceVariable] = owner.Balance;

            // The contact's owner travels too, so the rows post-operation writes as SYSTEM are owned like the contact.
            shared[ownerIdVariable + ".rowowner"] = owner.RowOwner;

            // The stored standing too, so post-operation writes only the contact columns that change.
            shared[ownerIdVariable + ".paid"] = owner.Standing?.PaidLast12Months;
            shared[ownerIdVariable + ".ratio"] = owner.Standing?.OnTimeRatio;
            shared[ownerIdVariable + ".unpaid"] = owner.Standing?.ConsecutiveUnpaidMonths;
        }
    }

    /// <summary>Post-operation: the owner <see cref="Lock"/> locked, or null when nothing named one.</summary>
    public OwnerSnapshot? Receive(ParameterCollection shared)
    {
        var ownerId = (Guid)shared[ownerIdVariable];
        return ownerId == Guid.Empty
            ? null
            : new OwnerSnapshot(ownerId, (OwnerTier)(int)shared[tierVariable], (int)shared[balanceVariable])
            {
                RowOwner = shared.TryGetValue(ownerIdVariable + ".rowowner", out var rowOwner) ? rowOwner as EntityReference : null,
                Standing = new StoredStanding(Value<decimal>(shared, ".paid"), Value<decimal>(shared, ".ratio"), Value<int>(shared, ".unpaid")),
            };
    }

    private T? Value<T>(ParameterCollection shared, string suffix)
        where T : struct =>
        shared.TryGetValue(ownerIdVariable + suffix, out var value) && value is T typed ? typed : null;
}
