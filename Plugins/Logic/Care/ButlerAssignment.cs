using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Care;

/// <summary>
/// Butler assignment rules (楼栋 → 管家): an owner whose occupancy starts in a building with a butler gets that
/// butler, unless one is already set (a private butler, 私人管家, stays); reassigning a building's butler moves the
/// owners living there who had the previous butler (or none) and their open care tasks, all or nothing. Writes as SYSTEM.
/// </summary>
public static class ButlerAssignment
{
    private const string BuildingAlias = "building";

    /// <summary>Dataverse's limit of requests in one ExecuteTransaction.</summary>
    private const int BatchLimit = 1000;

    /// <summary>
    /// On a new occupancy: the unit's building's butler becomes the contact's when the contact has none.
    /// Calls: 1 read (the unit with its building's butler), 1 read (the contact's butler) when the building has one,
    /// 1 write when the contact gets it.
    /// </summary>
    public static bool OnOccupancyStart(IOrganizationService service, Guid contactId, Guid unitId, Action<string> trace)
    {
        Guard.NotNull(service, nameof(service));
        var query = new QueryExpression(UnitTable.LogicalName) { ColumnSet = new ColumnSet(false), TopCount = 1 };
        query.Criteria.AddCondition(UnitTable.PrimaryId, ConditionOperator.Equal, unitId);
        var building = query.AddLink(BuildingTable.LogicalName, UnitTable.Columns.Building, BuildingTable.PrimaryId, JoinOperator.Inner);
        building.EntityAlias = BuildingAlias;
        building.Columns = new ColumnSet(BuildingTable.Columns.Butler);
        var unit = service.RetrieveMultiple(query).Entities.FirstOrDefault();
        if (unit?.GetAttributeValue<AliasedValue>(BuildingAlias + "." + BuildingTable.Columns.Butler)?.Value is not EntityReference butler)
        {
            return false;
        }

        var contact = service.Retrieve(ContactTable.LogicalName, contactId, new ColumnSet(ContactTable.Columns.Butler));
        if (contact.GetAttributeValue<EntityReference>(ContactTable.Columns.Butler) is not null)
        {
            trace($"Owner {contactId} keeps their butler; the building's is {butler.Id}.");
            return false;
        }

        service.Update(new Entity(ContactTable.LogicalName, contactId) { [ContactTable.Columns.Butler] = new EntityReference(PlatformTables.SystemUser, butler.Id) });
        trace($"Owner {contactId}: butler {butler.Id} from the building of unit {unitId}.");
        return true;
    }

    /// <summary>
    /// A building's butler changed from <paramref name="previous"/> to <paramref name="next"/>: the owners with a current
    /// occupancy in the building whose butler was the previous one (or blank) get the new one, and their open care tasks
    /// owned by the previous butler are assigned to the new one. Calls: 1 query (the occupants with their butler), 1 query
    /// (their open care tasks), 1 ExecuteTransaction (an update per owner and per task moved) per 1,000 updates.
    /// </summary>
    public static int OnBuildingReassigned(IOrganizationService service, Guid buildingId, Guid? previous, EntityReference? next, DateTime nowUtc, Action<string> trace)
    {
        Guard.NotNull(service, nameof(service));
        if (next is null)
        {
            trace($"Building {buildingId}: butler cleared; owners keep theirs.");
            return 0;
        }

        // Owners already on the new butler are kept in the list (not written again) so that a retry after a failed run
        // still moves their open care tasks.
        var occupants = Occupants(service, buildingId, nowUtc)
            .Where(o => o.Butler is null || o.Butler == previous || o.Butler == next.Id)
            .GroupBy(o => o.ContactId)
            .Select(g => g.First())
            .ToList();
        var owners = occupants.Select(o => o.ContactId).ToList();
        var butler = new EntityReference(PlatformTables.SystemUser, next.Id);
        var writes = occupants.Where(o => o.Butler != next.Id)
            .Select(o => new Entity(ContactTable.LogicalName, o.ContactId) { [ContactTable.Columns.Butler] = butler })
            .ToList();

        var moved = 0;
        if (owners.Count > 0 && previous is Guid from && from != next.Id)
        {
            var tasks = new QueryExpression(TaskActivity.LogicalName) { ColumnSet = new ColumnSet(TaskActivity.OwnerId) };
            tasks.Criteria.AddCondition(TaskActivity.RegardingObjectId, ConditionOperator.In, owners.Cast<object>().ToArray());
            tasks.Criteria.AddCondition(TaskActivity.Category, ConditionOperator.Equal, TaskActivity.CareCategory);
            tasks.Criteria.AddCondition(TaskActivity.StateCode, ConditionOperator.Equal, TaskActivity.States.Open);
            tasks.Criteria.AddCondition(TaskActivity.OwnerId, ConditionOperator.Equal, from);
            foreach (var task in service.RetrieveAll(tasks))
            {
                writes.Add(new Entity(TaskActivity.LogicalName, task.Id) { [TaskActivity.OwnerId] = butler });
                moved++;
            }
        }

        var ownersMoved = writes.Count - moved;
        Write(service, writes);
        trace($"Building {buildingId}: butler {previous?.ToString() ?? "(none)"} → {next.Id}; {ownersMoved} owners and {moved} open care tasks moved.");
        return ownersMoved;
    }

    // An asynchronous step's writes are not in one transaction of their own: one ExecuteTransaction per 1,000 (Dataverse's
    // batch limit) so a fault leaves no owner moved without the rest (and a retry finishes what a failed batch left).
    private static void Write(IOrganizationService service, IReadOnlyList<Entity> writes)
    {
        for (var start = 0; start < writes.Count; start += BatchLimit)
        {
            var batch = new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection() };
            foreach (var row in writes.Skip(start).Take(BatchLimit))
            {
                batch.Requests.Add(new UpdateRequest { Target = row });
            }

            service.Execute(batch);
        }
    }

    private static IEnumerable<Occupant> Occupants(IOrganizationService service, Guid buildingId, DateTime nowUtc)
    {
        var today = FeeMapping.FromDate(Domain.Loyalty.ChinaDate.FromInstant(new DateTimeOffset(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc))));
        var query = new QueryExpression(OccupancyTable.LogicalName) { ColumnSet = new ColumnSet(OccupancyTable.Columns.Contact) };
        query.Criteria.AddCondition(OccupancyTable.Columns.StateCode, ConditionOperator.Equal, 0);
        var ended = new FilterExpression(LogicalOperator.Or);
        ended.AddCondition(OccupancyTable.Columns.EndDate, ConditionOperator.Null);
        ended.AddCondition(OccupancyTable.Columns.EndDate, ConditionOperator.GreaterThan, today);
        query.Criteria.AddFilter(ended);
        var unit = query.AddLink(UnitTable.LogicalName, OccupancyTable.Columns.Unit, UnitTable.PrimaryId, JoinOperator.Inner);
        unit.LinkCriteria.AddCondition(UnitTable.Columns.Building, ConditionOperator.Equal, buildingId);
        var contact = query.AddLink(ContactTable.LogicalName, OccupancyTable.Columns.Contact, ContactTable.PrimaryId, JoinOperator.Inner);
        contact.EntityAlias = "owner";
        contact.Columns = new ColumnSet(ContactTable.Columns.Butler);
        query.AddOrder(OccupancyTable.PrimaryId, OrderType.Ascending);
        foreach (var row in service.RetrieveAll(query))
        {
            if (row.GetAttributeValue<EntityReference>(OccupancyTable.Columns.Contact)?.Id is Guid id)
            {
                var butler = row.GetAttributeValue<AliasedValue>("owner." + ContactTable.Columns.Butler)?.Value as EntityReference;
                yield return new Occupant(id, butler?.Id);
            }
        }
    }

    private sealed record Occupant(Guid ContactId, Guid? Butler);
}
