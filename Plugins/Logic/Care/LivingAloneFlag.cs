using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Care;

/// <summary>
/// Keeps the contact's 独居老人 flag (<see cref="ContactTable.Columns.ElderlyLivingAlone"/>) equal to its active household's
/// <see cref="HouseholdTable.Columns.LivesAlone"/>, so logging a request reads it with the tier in the one contact read the
/// request already makes (the request's budget stays ≤ 2 reads, 0 writes). Writes as SYSTEM (the flag is system-maintained):
/// 1 write when the flag of an owner changes, 2 when a household moves from one owner to another, none otherwise.
/// </summary>
public static class LivingAloneFlag
{
    /// <summary>Whether a household row makes its owner an elderly person living alone: flagged and active.</summary>
    public static bool Holds(Entity? household) =>
        household is not null
        && household.GetAttributeValue<bool?>(HouseholdTable.Columns.LivesAlone) == true
        && (household.GetAttributeValue<OptionSetValue>(HouseholdTable.Columns.StateCode)?.Value ?? 0) == 0;

    /// <summary>
    /// From the household as it was (<paramref name="before"/>, null on create) to as it is (<paramref name="after"/>, null on
    /// delete): writes the flag of each owner whose value changes.
    /// </summary>
    public static int Apply(IOrganizationService service, Entity? before, Entity? after, Action<string> trace)
    {
        Guard.NotNull(service, nameof(service));
        var ownerBefore = before?.GetAttributeValue<EntityReference>(HouseholdTable.Columns.Contact)?.Id;
        var ownerAfter = after?.GetAttributeValue<EntityReference>(HouseholdTable.Columns.Contact)?.Id;
        var held = Holds(before);
        var holds = Holds(after);
        var writes = 0;
        if (ownerBefore is Guid previous && held && (ownerAfter != previous || !holds))
        {
            writes += Write(service, previous, false, trace);
        }

        if (ownerAfter is Guid owner && holds && (ownerBefore != owner || !held))
        {
            writes += Write(service, owner, true, trace);
        }

        return writes;
    }

    private static int Write(IOrganizationService service, Guid contactId, bool livesAlone, Action<string> trace)
    {
        service.Update(new Entity(ContactTable.LogicalName, contactId) { [ContactTable.Columns.ElderlyLivingAlone] = livesAlone });
        trace($"Owner {contactId}: elderly living alone {livesAlone} (from the household).");
        return 1;
    }

    /// <summary>
    /// The daily care planner's repair: when the contact's flag differs from its active household's (households saved before
    /// the flag existed, or a flag written around the step), writes the household's value. No read (the planner has both
    /// rows); 1 write only when they differ.
    /// </summary>
    public static bool Repair(IOrganizationService service, Entity contact, Entity? household, Action<string> trace)
    {
        Guard.NotNull(contact, nameof(contact));
        var holds = Holds(household);
        if ((contact.GetAttributeValue<bool?>(ContactTable.Columns.ElderlyLivingAlone) == true) == holds)
        {
            return false;
        }

        Write(service, contact.Id, holds, trace);
        return true;
    }
}
