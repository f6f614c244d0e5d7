using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.Lifecycle;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Plugins.Logic.Lifecycle;
using PropertyCrm.Plugins.Logic.Sweep;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.OptionSets;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Plugins.Logic.Care;

/// <summary>
/// One page of the care planner: the owners (the lifecycle review's scope: active contacts with a move-in date or an
/// occupancy, ids ascending after the token) and what the planner needs of them, read with one query each for the whole
/// page: occupancies, households and the service requests of the care rules' window.
/// </summary>
public sealed class CarePage
{
    /// <summary>The contact columns the planner uses.</summary>
    public static readonly string[] ContactColumns =
    {
        ContactTable.Columns.FullName,
        ContactTable.Columns.MoveInDate,
        ContactTable.Columns.BirthDate,
        ContactTable.Columns.Butler,
        ContactTable.Columns.OwnerId,
        ContactTable.Columns.LifecycleStage,
        ContactTable.Columns.ChurnRisk,
        ContactTable.Columns.ChurnRiskSince,
    };

    private static readonly string[] HouseholdColumns =
    {
        HouseholdTable.Columns.Contact,
        HouseholdTable.Columns.BirthDate,
        HouseholdTable.Columns.LivesAlone,
        HouseholdTable.Columns.CheckInIntervalDays,
        HouseholdTable.Columns.NewbornOn,
    };

    private CarePage(
        IReadOnlyList<Entity> owners,
        Dictionary<Guid, List<OccupancySpan>> occupancies,
        Dictionary<Guid, Entity> households,
        Dictionary<Guid, List<ServiceRequestFact>> requests)
    {
        Owners = owners;
        Occupancies = occupancies;
        Households = households;
        Requests = requests;
    }

    public static CarePage Empty { get; } = new(
        Array.Empty<Entity>(),
        new Dictionary<Guid, List<OccupancySpan>>(),
        new Dictionary<Guid, Entity>(),
        new Dictionary<Guid, List<ServiceRequestFact>>());

    public IReadOnlyList<Entity> Owners { get; }

    public Dictionary<Guid, List<OccupancySpan>> Occupancies { get; }

    public Dictionary<Guid, Entity> Households { get; }

    public Dictionary<Guid, List<ServiceRequestFact>> Requests { get; }

    /// <summary>2 queries for the owners, and when there are any 1 each for occupancies, households and requests.</summary>
    public static CarePage Read(IOrganizationService service, int pageSize, Guid? after, ChinaDate day, int requestWindowDays)
    {
        var owners = ReadOwners(service, pageSize, after);
        if (owners.Count == 0)
        {
            return Empty;
        }

        var ids = owners.Select(o => o.Id).ToList();
        return new CarePage(owners, LifecycleFactsReader.Occupancies(service, ids), ReadHouseholds(service, ids), ReadRequests(service, ids, day, requestWindowDays));
    }

    private static IReadOnlyList<Entity> ReadOwners(IOrganizationService service, int pageSize, Guid? after)
    {
        var recorded = OwnerQuery(pageSize, after);
        recorded.Criteria.AddCondition(ContactTable.Columns.MoveInDate, ConditionOperator.NotNull);

        var occupying = OwnerQuery(pageSize, after);
        occupying.AddLink(OccupancyTable.LogicalName, ContactTable.PrimaryId, OccupancyTable.Columns.Contact, JoinOperator.Any);

        var owners = new Dictionary<Guid, Entity>();
        foreach (var row in service.RetrieveMultiple(recorded).Entities.Concat(service.RetrieveMultiple(occupying).Entities))
        {
            owners[row.Id] = row;
        }

        return owners.Values.OrderBy(o => o.Id, SqlGuidOrder.Instance).Take(pageSize).ToList();
    }

    private static QueryExpression OwnerQuery(int pageSize, Guid? after)
    {
        var query = new QueryExpression(ContactTable.LogicalName)
        {
            ColumnSet = new ColumnSet(ContactColumns.Concat(OwnerTagging.ContactColumns).ToArray()),
            TopCount = pageSize,
        };
        query.Criteria.AddCondition(ContactTable.Columns.StateCode, ConditionOperator.Equal, 0);
        if (after.HasValue)
        {
            query.Criteria.AddCondition(ContactTable.PrimaryId, ConditionOperator.GreaterThan, after.Value);
        }

        query.AddOrder(ContactTable.PrimaryId, OrderType.Ascending);
        return query;
    }

    private static Dictionary<Guid, Entity> ReadHouseholds(IOrganizationService service, IReadOnlyCollection<Guid> ownerIds)
    {
        var query = new QueryExpression(HouseholdTable.LogicalName) { ColumnSet = new ColumnSet(HouseholdColumns) };
        query.Criteria.AddCondition(HouseholdTable.Columns.Contact, ConditionOperator.In, ownerIds.Cast<object>().ToArray());
        query.Criteria.AddCondition(HouseholdTable.Columns.StateCode, ConditionOperator.Equal, 0);
        query.AddOrder(HouseholdTable.PrimaryId, OrderType.Ascending);
        var byOwner = new Dictionary<Guid, Entity>();
        foreach (var row in service.RetrieveAll(query))
        {
            if (row.GetAttributeValue<EntityReference>(HouseholdTable.Columns.Contact)?.Id is Guid owner)
            {
                byOwner[owner] = row;
            }
        }

        return byOwner;
    }

    // The requests the care rules count: opened (createdon) in the window before the day, repairs marked.
    private static Dictionary<Guid, List<ServiceRequestFact>> ReadRequests(IOrganizationService service, IReadOnlyCollection<Guid> ownerIds, ChinaDate day, int windowDays)
    {
        var query = new QueryExpression(ServiceRequestTable.LogicalName)
        {
            ColumnSet = new ColumnSet(ServiceRequestTable.Columns.Contact, ServiceRequestTable.Columns.CreatedOn, ServiceRequestTable.Columns.RequestType),
        };
        query.Criteria.AddCondition(ServiceRequestTable.Columns.Contact, ConditionOperator.In, ownerIds.Cast<object>().ToArray());
        query.Criteria.AddCondition(ServiceRequestTable.Columns.CreatedOn, ConditionOperator.GreaterEqual, day.AddDays(-windowDays).StartInstant.UtcDateTime);
        query.Criteria.AddCondition(ServiceRequestTable.Columns.CreatedOn, ConditionOperator.LessThan, day.EndInstant.UtcDateTime);
        query.AddOrder(ServiceRequestTable.PrimaryId, OrderType.Ascending);
        var byOwner = new Dictionary<Guid, List<ServiceRequestFact>>();
        foreach (var row in service.RetrieveAll(query))
        {
            if (row.GetAttributeValue<EntityReference>(ServiceRequestTable.Columns.Contact)?.Id is not Guid owner
                || row.GetAttributeValue<DateTime?>(ServiceRequestTable.Columns.CreatedOn) is not DateTime opened)
            {
                continue;
            }

            if (!byOwner.TryGetValue(owner, out var facts))
            {
                facts = new List<ServiceRequestFact>();
                byOwner[owner] = facts;
            }

            var type = row.GetAttributeValue<OptionSetValue>(ServiceRequestTable.Columns.RequestType)?.Value;
            facts.Add(new ServiceRequestFact(LifecycleMapping.ToDate(opened), type == RequestType.Repair, type == RequestType.Complaint));
        }

        return byOwner;
    }
}
