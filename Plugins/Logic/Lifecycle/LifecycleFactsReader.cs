using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.Lifecycle;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Lifecycle;

/// <summary>The per-page reads of the lifecycle review: one query for all the page's owners, not one per owner.</summary>
public static class LifecycleFactsReader
{
    private const string LastAlias = "lastopened";
    private const string OwnerAlias = "owner";

    /// <summary>The occupancies of <paramref name="ownerIds"/>, by owner: 1 query per 5,000 occupancies.</summary>
    public static Dictionary<Guid, List<OccupancySpan>> Occupancies(IOrganizationService service, IReadOnlyCollection<Guid> ownerIds)
    {
        var byOwner = new Dictionary<Guid, List<OccupancySpan>>();
        var query = new QueryExpression(OccupancyTable.LogicalName)
        {
            ColumnSet = new ColumnSet(OccupancyTable.Columns.Contact, OccupancyTable.Columns.StartDate, OccupancyTable.Columns.EndDate, OccupancyTable.Columns.StateCode),
        };
        query.Criteria.AddCondition(OccupancyTable.Columns.Contact, ConditionOperator.In, ownerIds.Cast<object>().ToArray());
        query.AddOrder(OccupancyTable.PrimaryId, OrderType.Ascending);
        foreach (var row in service.RetrieveAll(query))
        {
            if (row.GetAttributeValue<EntityReference>(OccupancyTable.Columns.Contact)?.Id is not Guid owner)
            {
                continue;
            }

            if (!byOwner.TryGetValue(owner, out var spans))
            {
                spans = new List<OccupancySpan>();
                byOwner[owner] = spans;
            }

            spans.Add(new OccupancySpan(
                DateOnly(row, OccupancyTable.Columns.StartDate),
                DateOnly(row, OccupancyTable.Columns.EndDate),
                Withdrawn: row.GetAttributeValue<OptionSetValue>(OccupancyTable.Columns.StateCode)?.Value == 1));
        }

        return byOwner;
    }

    /// <summary>
    /// The China date of each owner's latest service request opened (<c>createdon</c>) on or before <paramref name="asOf"/>:
    /// one aggregate query (max per owner). Dataverse refuses aggregates over 50,000 rows, which bounds the page size.
    /// </summary>
    public static Dictionary<Guid, ChinaDate> LastRequests(IOrganizationService service, IReadOnlyCollection<Guid> ownerIds, ChinaDate asOf)
    {
        var before = asOf.EndInstant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var fetch = new StringBuilder()
            .Append("<fetch aggregate=\"true\"><entity name=\"").Append(ServiceRequestTable.LogicalName).Append("\">")
            .Append("<attribute name=\"").Append(ServiceRequestTable.Columns.CreatedOn).Append("\" alias=\"").Append(LastAlias).Append("\" aggregate=\"max\" />")
            .Append("<attribute name=\"").Append(ServiceRequestTable.Columns.Contact).Append("\" alias=\"").Append(OwnerAlias).Append("\" groupby=\"true\" />")
            .Append("<filter type=\"and\">")
            .Append("<condition attribute=\"").Append(ServiceRequestTable.Columns.CreatedOn).Append("\" operator=\"lt\" value=\"").Append(before).Append("\" />")
            .Append("<condition attribute=\"").Append(ServiceRequestTable.Columns.Contact).Append("\" operator=\"in\">");
        foreach (var id in ownerIds)
        {
            fetch.Append("<value>").Append(id.ToString("D", CultureInfo.InvariantCulture)).Append("</value>");
        }

        fetch.Append("</condition></filter></entity></fetch>");

        var last = new Dictionary<Guid, ChinaDate>();
        foreach (var row in service.RetrieveMultiple(new FetchExpression(fetch.ToString())).Entities)
        {
            if (row.GetAttributeValue<AliasedValue>(OwnerAlias)?.Value is EntityReference owner
                && row.GetAttributeValue<AliasedValue>(LastAlias)?.Value is DateTime opened)
            {
                last[owner.Id] = LifecycleMapping.ToDate(opened);
            }
        }

        return last;
    }

    private static ChinaDate? DateOnly(Entity row, string column) =>
        row.GetAttributeValue<DateTime?>(column) is DateTime value ? FeeMapping.ToDate(value) : null;
}
