using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Loyalty;

/// <summary>
/// Takes the owner's exclusive lock for the rest of the transaction, before the ledger is read, by writing the owner's
/// loyalty account row (<c>pcrm_loyaltyaccount</c>, one per owner by its alternate key on the contact).
/// </summary>
/// <remarks>
/// <para><b>Why a lock at all.</b> The ledger is many pcrm_pointsentry rows, and inserts take no range locks, so nothing
/// on the ledger stops two transactions from reading the same balance; reads never wait (snapshot reads). Writing one row
/// first (SQL holds a write's exclusive lock until commit) serialises every award, redemption, reversal, payment and sweep
/// of that owner: the second waits at its own lock write, then reads the committed ledger and contact. A row-version check
/// would instead fail the loser with a generic concurrency fault even when enough points remain.</para>
/// <para><b>Why this row.</b> Microsoft's pre-lock pattern (Learn, "Scalable customization design in Microsoft Dataverse",
/// https://learn.microsoft.com/power-apps/developer/data-platform/scalable-customization-design/overview, the
/// auto-numbering example in its database-transactions article): update a real column of a row kept for the purpose, then
/// read. Locking the contact with an update that sets nothing would still bump its modifiedon and version, fire every
/// unfiltered contact Update step and "modified" flow, add audit and change-tracking noise and break clients' optimistic
/// concurrency on the contact; the account row is nobody else's, so writing <c>pcrm_lockedon</c> there costs nothing.</para>
/// <para><b>Where the account comes from.</b> <c>LoyaltyAccountPlugin</c> (post-operation Create of contact) creates it with the contact, so for every
/// owner created since, the lock only updates an existing row and two operations of a brand-new owner wait on each other.
/// The Upsert by key remains for owners that existed before that step (until the upgrade run creates their accounts,
/// README "The owner lock"): two first locks of such an owner at the same moment cannot create two accounts, but the key
/// refuses the second insert (DuplicateRecordEntityKey) and a plug-in cannot catch that and retry inside its transaction,
/// so the second request fails whole, nothing half-written, and succeeds when retried. The row created here takes the
/// contact's owner (one more write, once per such owner) so a property manager's deep read sees it.</para>
/// <para><b>Calls.</b> 1 write (the upsert) + 1 read (the contact's loyalty columns, committed, hence fresh: every writer of
/// them holds this lock); + 1 write when the upsert had to create the account (pre-existing owners only).</para>
/// </remarks>
public static class OwnerLock
{
    private static readonly ColumnSet ContactColumns = new(
        ContactTable.Columns.FullName,
        ContactTable.Columns.Tier,
        ContactTable.Columns.PointsBalance,
        ContactTable.Columns.TierChangedOn,
        ContactTable.Columns.Rolling12MonthPaid,
        ContactTable.Columns.OnTimeRatio,
        ContactTable.Columns.ConsecutiveUnpaidMonths,
        ContactTable.Columns.OwnerId);

    /// <summary>Locks the owner's account (creating it on the first lock), then reads the contact's loyalty columns.</summary>
    /// <param name="nowUtc">Written to <c>pcrm_lockedon</c>: when the owner was last processed.</param>
    public static OwnerSnapshot Lock(IOrganizationService service, Guid ownerId, DateTime nowUtc) =>
        Read(ownerId, LockAndRead(service, ownerId, nowUtc));

    /// <summary>
    /// Locks as <see cref="Lock"/> does and returns the contact row read under the lock, with
    /// <paramref name="moreColumns"/> besides the loyalty columns: for callers that decide on other columns (the
    /// lifecycle review), in the same single read.
    /// </summary>
    public static Entity LockAndRead(IOrganizationService service, Guid ownerId, DateTime nowUtc, params string[] moreColumns)
    {
        var account = new Entity(LoyaltyAccountTable.LogicalName, new KeyAttributeCollection
        {
            { LoyaltyAccountTable.Columns.Contact, new EntityReference(ContactTable.LogicalName, ownerId) },
        })
        {
            [LoyaltyAccountTable.Columns.LockedOn] = nowUtc,
        };
        var upsert = (UpsertResponse)service.Execute(new UpsertRequest { Target = account });

        var columns = moreColumns.Length == 0 ? ContactColumns : new ColumnSet(ContactColumns.Columns.Union(moreColumns).ToArray());
        var row = service.Retrieve(ContactTable.LogicalName, ownerId, columns);
        if (upsert.RecordCreated)
        {
            // An owner that existed before accounts were created with the contact (LoyaltyAccountPlugin).
            var created = new Entity(LoyaltyAccountTable.LogicalName, upsert.Target.Id)
            {
                [LoyaltyAccountTable.Columns.Name] = LoyaltyAccounts.NameFor(ownerId, row.GetAttributeValue<string>(ContactTable.Columns.FullName)),
            };
            if (row.GetAttributeValue<EntityReference>(ContactTable.Columns.OwnerId) is EntityReference rowOwner)
            {
                created[LoyaltyAccountTable.Columns.OwnerId] = rowOwner;
            }

            service.Update(created);
        }

        return row;
    }

    /// <summary>Writes the balance the ledger now sums to, when it differs from the stored one read by <see cref="Lock"/>.</summary>
    public static void WriteBalance(IOrganizationService service, OwnerSnapshot owner, int balance)
    {
        if (balance != owner.Balance)
        {
            service.Update(new Entity(ContactTable.LogicalName, owner.Id) { [ContactTable.Columns.PointsBalance] = balance });
        }
    }

    private static OwnerSnapshot Read(Guid ownerId, Entity row) =>
        new(ownerId, OptionValues.Read<OwnerTier>(row, ContactTable.Columns.Tier) ?? OwnerTier.Standard, row.GetAttributeValue<int?>(ContactTable.Columns.PointsBalance) ?? 0)
        {
            TierChangedOnUtc = row.GetAttributeValue<DateTime?>(ContactTable.Columns.TierChangedOn),
            RowOwner = row.GetAttributeValue<EntityReference>(ContactTable.Columns.OwnerId),
            Standing = new StoredStanding(
                row.GetAttributeValue<Money>(ContactTable.Columns.Rolling12MonthPaid)?.Value,
                row.GetAttributeValue<decimal?>(ContactTable.Columns.OnTimeRatio),
                row.GetAttributeValue<int?>(ContactTable.Columns.ConsecutiveUnpaidMonths)),
        };
}
