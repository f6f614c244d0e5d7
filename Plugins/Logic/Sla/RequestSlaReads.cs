using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Sla;

/// <summary>
/// What a request's SLA needs beyond its own columns and the configuration: the owner's tier (copied onto the request
/// when it is logged, so tier policies apply) and the property's own calendar (its service hours).
/// </summary>
/// <remarks>
/// Both are read as SYSTEM by the caller: copying a tier code or a calendar name grants nothing, and the platform still
/// checks that the user may link the request to that owner and property (an agent of another property is refused there).
/// <b>Budget.</b> The tier: one read of the contact, only when the request names one. The property's calendar: none
/// when the configuration snapshot has seen the property (it comes with the cold configuration read anchored on it),
/// else one read of the property, remembered in the snapshot for its lifetime (5 minutes).
/// </remarks>
public static class RequestSlaReads
{
    /// <summary>
    /// The owner facts a request copies when it is logged, in one read of the contact: the SLA tier code of the current tier
    /// (a contact without one is Standard) and whether the owner is an elderly person living alone (独居老人, kept on the
    /// contact from the household, so it costs no read of its own).
    /// </summary>
    public static RequestOwnerFacts Owner(IOrganizationService service, Guid contactId)
    {
        var contact = service.Retrieve(ContactTable.LogicalName, contactId, new ColumnSet(ContactTable.Columns.Tier, ContactTable.Columns.ElderlyLivingAlone));
        return new RequestOwnerFacts(
            SlaTierCodes.Of(OptionValues.Read<OwnerTier>(contact, ContactTable.Columns.Tier) ?? OwnerTier.Standard),
            contact.GetAttributeValue<bool?>(ContactTable.Columns.ElderlyLivingAlone) == true);
    }

    /// <summary>The property's calendar code; null for no property or a blank column.</summary>
    public static string? PropertyCalendar(IOrganizationService service, SlaConfiguration configuration, Guid? propertyId)
    {
        if (propertyId is not Guid id || id == Guid.Empty)
        {
            return null;
        }

        if (!configuration.TryGetPropertyCalendar(id, out var code))
        {
            var property = service.Retrieve(PropertyTable.LogicalName, id, new ColumnSet(PropertyTable.Columns.BusinessCalendarCode));
            configuration.RememberPropertyCalendar(id, property.GetAttributeValue<string>(PropertyTable.Columns.BusinessCalendarCode));
            configuration.TryGetPropertyCalendar(id, out code);
        }

        return code.Length == 0 ? null : code;
    }

    /// <summary>
    /// The targets of <paramref name="facts"/> at <paramref name="propertyId"/>, with service hours on the property's
    /// calendar (<see cref="PropertyServiceHours"/>); an unknown calendar code is traced and the built-in used.
    /// </summary>
    public static IReadOnlyList<SlaPolicyMatch> Targets(
        IOrganizationService service,
        SlaConfiguration configuration,
        Guid? propertyId,
        SlaRequestFacts facts,
        Action<string> trace)
    {
        var calendar = PropertyCalendar(service, configuration, propertyId);
        if (PropertyServiceHours.IsUnknown(calendar, configuration.Calendars))
        {
            trace($"Property {propertyId} names the unknown business calendar '{calendar}'; service hours run on '{BuiltInCalendars.ServiceHoursName}'.");
        }

        return PropertyServiceHours.Apply(configuration.PoliciesFor(propertyId).Resolve(facts), calendar, configuration.Calendars);
    }
}
