using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Plugins.Logic.Sweep;

/// <summary>
/// The reads of one sweep page (see <see cref="SlaSweep"/> for their cost): the due index, then the locked requests,
/// their escalation rows and their properties, each as <c>in</c> lists of at most <see cref="SlaSweep.MaxInValues"/> ids.
/// </summary>
internal static class SlaSweepReads
{
    private static readonly string[] RequestColumns = ServiceRequestSlaMapping.ClockColumnsRead
        .Concat(new[] { Columns.Name, Columns.OwnerId, Columns.EscalationLevel, Columns.NextEscalationOn })
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The next page of due requests after <paramref name="cursor"/>: only the sort key is read.</summary>
    internal static EntityCollection DuePage(IOrganizationService service, DateTime nowUtc, SweepContinuation? cursor, int pageSize)
    {
        var query = new QueryExpression(ServiceRequestTable.LogicalName)
        {
            ColumnSet = new ColumnSet(Columns.NextEscalationOn),
            PageInfo = QueryPaging.FirstPage(pageSize),
        };
        query.Criteria.AddCondition(Columns.StateCode, ConditionOperator.Equal, ServiceRequestTable.States.Active);
        query.Criteria.AddCondition(Columns.PausedOn, ConditionOperator.Null);
        query.Criteria.AddCondition(Columns.NextEscalationOn, ConditionOperator.LessEqual, nowUtc);
        if (cursor is not null)
        {
            var after = query.Criteria.AddFilter(LogicalOperator.Or);
            after.AddCondition(Columns.NextEscalationOn, ConditionOperator.GreaterThan, cursor.NextEscalationOnUtc);
            var tie = after.AddFilter(LogicalOperator.And);
            tie.AddCondition(Columns.NextEscalationOn, ConditionOperator.Equal, cursor.NextEscalationOnUtc);
            tie.AddCondition(ServiceRequestTable.PrimaryId, ConditionOperator.GreaterThan, cursor.RequestId);
        }

        query.AddOrder(Columns.NextEscalationOn, OrderType.Ascending);
        query.AddOrder(ServiceRequestTable.PrimaryId, OrderType.Ascending);
        return service.RetrieveMultiple(query);
    }

    internal static Dictionary<Guid, Entity> ReadRequests(IOrganizationService service, Guid[] ids)
    {
        var rows = new Dictionary<Guid, Entity>();
        foreach (var chunk in Chunks(ids))
        {
            var query = new QueryExpression(ServiceRequestTable.LogicalName) { ColumnSet = new ColumnSet(RequestColumns) };
            query.Criteria.AddCondition(ServiceRequestTable.PrimaryId, ConditionOperator.In, chunk);
            foreach (var row in service.RetrieveMultiple(query).Entities)
            {
                rows[row.Id] = row;
            }
        }

        return rows;
    }

    internal static Dictionary<Guid, List<EscalationRung>> ReadEscalations(IOrganizationService service, Guid[] requestIds)
    {
        var rungs = new Dictionary<Guid, List<EscalationRung>>();
        foreach (var chunk in Chunks(requestIds))
        {
            var query = new QueryExpression(EscalationTable.LogicalName)
            {
                ColumnSet = new ColumnSet(EscalationTable.Columns.ServiceRequest, EscalationTable.Columns.Kpi, EscalationTable.Columns.Level),
            };
            query.Criteria.AddCondition(EscalationTable.Columns.ServiceRequest, ConditionOperator.In, chunk);
            query.AddOrder(EscalationTable.PrimaryId, OrderType.Ascending);
            foreach (var row in service.RetrieveAll(query, SlaSweep.MaxPageSize))
            {
                var request = row.GetAttributeValue<EntityReference>(EscalationTable.Columns.ServiceRequest);
                var kpi = OptionValues.Read<SlaKpi>(row, EscalationTable.Columns.Kpi);
                var level = OptionValues.Read<EscalationLevel>(row, EscalationTable.Columns.Level);
                if (request is null || !kpi.HasValue || !level.HasValue)
                {
                    continue;
                }

                if (!rungs.TryGetValue(request.Id, out var list))
                {
                    list = new List<EscalationRung>();
                    rungs[request.Id] = list;
                }

                list.Add(new EscalationRung(kpi.Value, level.Value));
            }
        }

        return rungs;
    }

    internal static Dictionary<Guid, Entity> ReadProperties(IOrganizationService service, Guid[] ids)
    {
        var rows = new Dictionary<Guid, Entity>();
        foreach (var chunk in Chunks(ids))
        {
            var query = new QueryExpression(PropertyTable.LogicalName)
            {
                ColumnSet = new ColumnSet(PropertyTable.Columns.Supervisor, PropertyTable.Columns.PropertyManager, PropertyTable.Columns.QualityTeam),
            };
            query.Criteria.AddCondition(PropertyTable.PrimaryId, ConditionOperator.In, chunk);
            foreach (var row in service.RetrieveMultiple(query).Entities)
            {
                rows[row.Id] = row;
            }
        }

        return rows;
    }

    private static IEnumerable<object[]> Chunks(Guid[] ids)
    {
        for (var start = 0; start < ids.Length; start += SlaSweep.MaxInValues)
        {
            yield return ids.Skip(start).Take(SlaSweep.MaxInValues).Cast<object>().ToArray();
        }
    }
}
