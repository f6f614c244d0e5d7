using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Sla;

/// <summary>
/// Reads the SLA configuration (active <c>pcrm_slapolicy</c> and <c>pcrm_businesscalendar</c> rows) from Dataverse.
/// </summary>
/// <remarks>
/// <para><b>One read for both tables.</b> The two tables are unrelated, and a query returns rows of one primary table,
/// so reading both at once needs an anchor row that surely exists: the request's property. The query selects that
/// one <c>pcrm_property</c> row and outer-joins both configuration tables to it on <c>statecode</c> (an active
/// property has statecode 0, exactly the active configuration rows). The result is the cross product of policies ×
/// calendars (each at least once: outer joins), which the loader de-duplicates by id. With tens of policies and a
/// handful of calendars that is a few dozen rows; the one-read guarantee holds while policies × calendars ≤ 5,000
/// (one page), beyond that the loader pages and stays correct.</para>
/// <para>Without an anchor (or when the anchor property is inactive or gone) the loader falls back to one query per
/// table. The deadline API needs calendars only: one query.</para>
/// <para>The anchor's own calendar code (its service hours) comes with the same read and is remembered in the snapshot.</para>
/// <para>Never reads all columns: the column lists are <see cref="SlaPolicyRowMapping.Columns"/> and name + definition.</para>
/// </remarks>
public static class SlaConfigurationQuery
{
    /// <summary>statecode of an active row, on every table.</summary>
    private const int Active = 0;

    private const string PolicyAlias = "policy";
    private const string CalendarAlias = "calendar";
    private const int PageSize = 5000;

    private static readonly string[] CalendarColumns =
    {
        BusinessCalendarTable.PrimaryId,
        BusinessCalendarTable.Columns.Name,
        BusinessCalendarTable.Columns.Definition,
    };

    /// <summary>Policies and calendars: one read when <paramref name="anchorPropertyId"/> names an active property, else two.</summary>
    public static SlaConfiguration Load(IOrganizationService service, DateTime nowUtc, Guid? anchorPropertyId)
    {
        Guard.NotNull(service, nameof(service));

        if (anchorPropertyId is Guid anchor && anchor != Guid.Empty)
        {
            var anchored = LoadAnchored(service, nowUtc, anchor, out var inactiveAnchor);
            if (anchored is not null)
            {
                return anchored;
            }

            var fallback = LoadUnanchored(service, nowUtc);
            if (inactiveAnchor is not null)
            {
                fallback.RememberPropertyCalendar(anchor, inactiveAnchor.GetAttributeValue<string>(PropertyTable.Columns.BusinessCalendarCode));
            }

            return fallback;
        }

        return LoadUnanchored(service, nowUtc);
    }

    /// <summary>Calendars only (built-ins + admin rows): one read.</summary>
    public static SlaConfiguration LoadCalendars(IOrganizationService service, DateTime nowUtc)
    {
        Guard.NotNull(service, nameof(service));

        return SlaConfiguration.Build(nowUtc, null, CalendarRows(service));
    }

    private static SlaConfiguration LoadUnanchored(IOrganizationService service, DateTime nowUtc)
    {
        var policyRows = service.RetrieveAll(PolicyQuery(), PageSize).Select(row => (Func<SlaPolicyRow>)(() => SlaPolicyRowMapping.Read(row))).ToArray();
        return SlaConfiguration.Build(nowUtc, policyRows, CalendarRows(service));
    }

    /// <param name="inactiveAnchor">The anchor row when it exists but is inactive (its calendar is still known).</param>
    private static SlaConfiguration? LoadAnchored(IOrganizationService service, DateTime nowUtc, Guid anchorPropertyId, out Entity? inactiveAnchor)
    {
        inactiveAnchor = null;
        var query = new QueryExpression(PropertyTable.LogicalName)
        {
            ColumnSet = new ColumnSet(PropertyTable.PrimaryId, PropertyTable.Columns.StateCode, PropertyTable.Columns.BusinessCalendarCode),
        };
        query.Criteria.AddCondition(PropertyTable.PrimaryId, ConditionOperator.Equal, anchorPropertyId);
        var policies = query.AddLink(SlaPolicyTable.LogicalName, PropertyTable.Columns.StateCode, SlaPolicyTable.Columns.StateCode, JoinOperator.LeftOuter);
        policies.EntityAlias = PolicyAlias;
        policies.Columns = new ColumnSet(SlaPolicyRowMapping.Columns.ToArray());
        policies.LinkCriteria.AddCondition(SlaPolicyTable.Columns.StateCode, ConditionOperator.Equal, Active);
        var calendars = query.AddLink(BusinessCalendarTable.LogicalName, PropertyTable.Columns.StateCode, BusinessCalendarTable.Columns.StateCode, JoinOperator.LeftOuter);
        calendars.EntityAlias = CalendarAlias;
        calendars.Columns = new ColumnSet(CalendarColumns);
        calendars.LinkCriteria.AddCondition(BusinessCalendarTable.Columns.StateCode, ConditionOperator.Equal, Active);

        var rows = service.RetrieveAll(query, PageSize).ToList();
        if (rows.Count == 0 || rows[0].GetAttributeValue<OptionSetValue>(PropertyTable.Columns.StateCode)?.Value != Active)
        {
            inactiveAnchor = rows.Count == 0 ? null : rows[0];
            // The anchor is gone or inactive: its statecode would join the wrong rows.
            return null;
        }

        var policyRows = new Dictionary<Guid, Func<SlaPolicyRow>>();
        var calendarRows = new Dictionary<Guid, KeyValuePair<string?, string?>>();
        foreach (var row in rows)
        {
            if (Aliased(row, PolicyAlias, SlaPolicyTable.PrimaryId) is Guid policyId && !policyRows.ContainsKey(policyId))
            {
                var source = row;
                policyRows.Add(policyId, () => SlaPolicyRowMapping.Read(policyId, column => Aliased(source, PolicyAlias, column)));
            }

            if (Aliased(row, CalendarAlias, BusinessCalendarTable.PrimaryId) is Guid calendarId && !calendarRows.ContainsKey(calendarId))
            {
                calendarRows.Add(calendarId, new KeyValuePair<string?, string?>(
                    Aliased(row, CalendarAlias, BusinessCalendarTable.Columns.Name) as string,
                    Aliased(row, CalendarAlias, BusinessCalendarTable.Columns.Definition) as string));
            }
        }

        var configuration = SlaConfiguration.Build(nowUtc, policyRows.Values, calendarRows.Values);
        configuration.RememberPropertyCalendar(anchorPropertyId, rows[0].GetAttributeValue<string>(PropertyTable.Columns.BusinessCalendarCode));
        return configuration;
    }

    private static QueryExpression PolicyQuery()
    {
        var query = new QueryExpression(SlaPolicyTable.LogicalName)
        {
            ColumnSet = new ColumnSet(SlaPolicyRowMapping.Columns.ToArray()),
        };
        query.Criteria.AddCondition(SlaPolicyTable.Columns.StateCode, ConditionOperator.Equal, Active);
        return query;
    }

    private static IEnumerable<KeyValuePair<string?, string?>> CalendarRows(IOrganizationService service)
    {
        var query = new QueryExpression(BusinessCalendarTable.LogicalName)
        {
            ColumnSet = new ColumnSet(CalendarColumns),
        };
        query.Criteria.AddCondition(BusinessCalendarTable.Columns.StateCode, ConditionOperator.Equal, Active);
        return service.RetrieveAll(query, PageSize)
            .Select(row => new KeyValuePair<string?, string?>(
                row.GetAttributeValue<string>(BusinessCalendarTable.Columns.Name),
                row.GetAttributeValue<string>(BusinessCalendarTable.Columns.Definition)))
            .ToArray();
    }

    private static object? Aliased(Entity row, string alias, string column) =>
        row.Attributes.TryGetValue(alias + "." + column, out var value) && value is AliasedValue aliased ? aliased.Value : null;
}
