using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Tests.Support;

// What admins configure in the app: SLA policies and business calendars, as they stand after import.
internal sealed partial class DataProducer
{
    /// <summary>An SLA policy row; null property = company-wide, null criteria = any.</summary>
    public Guid SlaPolicy(
        string name,
        int? requestType = null,
        int? urgency = null,
        int? firstResponseMinutes = null,
        string? firstResponseCalendar = null,
        int? resolutionMinutes = null,
        string? resolutionCalendar = null,
        Guid? property = null,
        string? ownerTier = null,
        int? serviceLine = null,
        int? onSiteMinutes = null,
        string? onSiteCalendar = null)
    {
        var row = new Entity(SlaPolicyTable.LogicalName)
        {
            [SlaPolicyTable.Columns.Name] = name,
            [SlaPolicyTable.Columns.FirstResponseMinutes] = firstResponseMinutes,
            [SlaPolicyTable.Columns.FirstResponseCalendar] = firstResponseCalendar,
            [SlaPolicyTable.Columns.ResolutionMinutes] = resolutionMinutes,
            [SlaPolicyTable.Columns.ResolutionCalendar] = resolutionCalendar,
            [SlaPolicyTable.Columns.OnSiteMinutes] = onSiteMinutes,
            [SlaPolicyTable.Columns.OnSiteCalendar] = onSiteCalendar,
            [SlaPolicyTable.Columns.OwnerTier] = ownerTier,
        };
        if (requestType.HasValue)
        {
            row[SlaPolicyTable.Columns.RequestType] = new OptionSetValue(requestType.Value);
        }

        if (urgency.HasValue)
        {
            row[SlaPolicyTable.Columns.Urgency] = new OptionSetValue(urgency.Value);
        }

        if (serviceLine.HasValue)
        {
            row[SlaPolicyTable.Columns.ServiceLine] = new OptionSetValue(serviceLine.Value);
        }

        if (property.HasValue)
        {
            row[SlaPolicyTable.Columns.Property] = new EntityReference(PropertyTable.LogicalName, property.Value);
        }

        return dataverse.Seed(row);
    }

    /// <summary>A business calendar row as it stands after import (no validation step ran).</summary>
    public Guid BusinessCalendar(string name, string json) =>
        dataverse.Seed(new Entity(BusinessCalendarTable.LogicalName)
        {
            [BusinessCalendarTable.Columns.Name] = name,
            [BusinessCalendarTable.Columns.Definition] = json,
        });
}
