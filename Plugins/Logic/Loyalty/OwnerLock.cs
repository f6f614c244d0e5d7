using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Loyalty;

/// <summary>
/// Takes the owner (contact) row's exclusive lock for the rest of the transaction, before the ledger is read.
/// </summary>
/// <remarks>
/// Why lock-then-read rather than <c>ConcurrencyBehavior.IfRowVersionMatches</c>: the ledger is many
/// pcrm_pointsentry rows, and inserts take no range locks, so nothing on the ledger itself stops two
/// transactions from both reading the same balance. Updating the contact row first (SQL Server under Dataverse
/// holds a write's exclusive lock until commit) serialises every award, redemption, reversal and sweep of that
/// owner: the second waits at its own lock update, then reads the committed ledger and either succeeds on what is
/// left or gets the clear domain refusal (积分余额不足 / Insufficient points balance). A row-version check would
/// instead fail the loser with a generic concurrency fault even when enough points remain. The lock is an update
/// that sets no column (the platform still writes modifiedon and the row version, which takes the lock), so it
/// cannot overwrite anything committed meanwhile and runs no step filtered on contact columns; tier and balance
/// are read after it, under the lock.
/// </remarks>
public static class OwnerLock
{
    /// <summary>One write (the lock) and one read (tier, balance, tier changed on: fresh under the lock).</summary>
    public static OwnerSnapshot Lock(IOrganizationService service, Guid ownerId)
    {
        service.Update(new Entity(ContactTable.LogicalName, ownerId));
        var row = service.Retrieve(ContactTable.LogicalName, ownerId, new ColumnSet(ContactTable.Columns.Tier, ContactTable.Columns.PointsBalance, ContactTable.Columns.TierChangedOn, ContactTable.Columns.OwnerId));
        var balance = row.GetAttributeValue<int?>(ContactTable.Columns.PointsBalance) ?? 0;
        return new OwnerSnapshot(ownerId, OptionValues.Read<OwnerTier>(row, ContactTable.Columns.Tier) ?? OwnerTier.Standard, balance)
        {
            TierChangedOnUtc = row.GetAttributeValue<DateTime?>(ContactTable.Columns.TierChangedOn),
            RowOwner = row.GetAttributeValue<EntityReference>(ContactTable.Columns.OwnerId),
        };
    }

    /// <summary>Writes the balance the ledger now sums to, when it differs from the stored one read by <see cref="Lock"/>.</summary>
    public static void WriteBalance(IOrganizationService service, OwnerSnapshot owner, int balance)
    {
        if (balance != owner.Balance)
        {
            service.Update(new Entity(ContactTable.LogicalName, owner.Id) { [ContactTable.Columns.PointsBalance] = balance });
        }
    }
}

/// <summary>The owner as read at lock time.</summary>
public sealed class OwnerSnapshot
{
    public OwnerSnapshot(Guid id, OwnerTier tier, int balance)
    {
        Id = id;
        Tier = tier;
        Balance = balance;
    }

    public Guid Id { get; }

    public OwnerTier Tier { get; }

    public int Balance { get; }

    /// <summary>When the tier last changed (null when never, or when the snapshot was handed over without it).</summary>
    public DateTime? TierChangedOnUtc { get; init; }

    /// <summary>
    /// The owner contact's own owner (user or team). Ledger and tier history rows are written by SYSTEM, which would
    /// own them in the root business unit, out of reach of every business-unit or deep read; giving them the
    /// contact's owner puts them in the owner's business unit, so whoever may read the owner may read them.
    /// </summary>
    public EntityReference? RowOwner { get; init; }
}
