using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Loyalty;

/// <summary>
/// Creates an owner's loyalty account (the owner lock's row) with the contact, so the lock only ever updates an existing
/// row: two first operations of a new owner at the same moment then wait on each other instead of the alternate key
/// refusing the second one's insert (a fault a plug-in cannot catch and retry inside its transaction).
/// </summary>
/// <remarks>Calls: 1 write (create, as SYSTEM, owned like the contact).</remarks>
public static class LoyaltyAccounts
{
    public static Guid Create(IOrganizationService systemService, Guid contactId, string? contactName, EntityReference? contactOwner)
    {
        var account = new Entity(LoyaltyAccountTable.LogicalName)
        {
            [LoyaltyAccountTable.Columns.Name] = NameFor(contactId, contactName),
            [LoyaltyAccountTable.Columns.Contact] = new EntityReference(ContactTable.LogicalName, contactId),
        };

        // SYSTEM would own it in the root business unit, out of every business-unit or deep read.
        if (contactOwner is not null)
        {
            account[LoyaltyAccountTable.Columns.OwnerId] = contactOwner;
        }

        return systemService.Create(account);
    }

    public static string NameFor(Guid contactId, string? contactName) =>
        ColumnText.Fit(string.IsNullOrWhiteSpace(contactName) ? contactId.ToString() : contactName!, LoyaltyAccountTable.MaxLengths.Name) ?? contactId.ToString();
}
