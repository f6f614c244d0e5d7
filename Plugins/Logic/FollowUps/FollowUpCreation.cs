using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Domain.ServiceRequests.FollowUps;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.FollowUpTable.Columns;
using Request = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Plugins.Logic.FollowUps;

/// <summary>
/// Creates the 回访 of one resolution, as SYSTEM (it is the system's task, not the resolver's row): due after the
/// property's follow-up hours (blank: 24), owned as <see cref="FollowUpAssignment.Choose"/> decides, with the resolver
/// recorded. One per resolution: the alternate key request × resolution number refuses a second one.
/// </summary>
public static class FollowUpCreation
{
    private static readonly ColumnSet PropertyColumns = new(
        PropertyTable.Columns.ServiceTeam, PropertyTable.Columns.Supervisor, PropertyTable.Columns.PropertyManager, PropertyTable.Columns.FollowUpDueHours);

    /// <returns>The new 回访's id.</returns>
    public static Guid Create(IOrganizationService system, Entity request, int resolutionNumber, Guid resolver, DateTimeOffset now, Action<string> trace)
    {
        var property = request.GetAttributeValue<EntityReference>(Request.Property);
        var propertyRow = property is null ? null : system.Retrieve(PropertyTable.LogicalName, property.Id, PropertyColumns);
        var requestOwner = request.GetAttributeValue<EntityReference>(Request.OwnerId);
        var assignee = FollowUpAssignment.Choose(
            propertyRow?.GetAttributeValue<EntityReference>(PropertyTable.Columns.ServiceTeam)?.Id,
            propertyRow?.GetAttributeValue<EntityReference>(PropertyTable.Columns.Supervisor)?.Id,
            propertyRow?.GetAttributeValue<EntityReference>(PropertyTable.Columns.PropertyManager)?.Id,
            new Principal(requestOwner?.Id ?? resolver, requestOwner?.LogicalName == PlatformTables.Team),
            request.GetAttributeValue<EntityReference>(Request.FirstContactOwner)?.Id,
            resolver);
        var dueOn = FollowUpPolicy.DueOn(now, propertyRow?.GetAttributeValue<int?>(PropertyTable.Columns.FollowUpDueHours));

        var row = new Entity(FollowUpTable.LogicalName)
        {
            [Columns.Name] = ColumnText.Fit("回访 · " + request.GetAttributeValue<string>(Request.Name), FollowUpTable.MaxLengths.Name),
            [Columns.ServiceRequest] = new EntityReference(ServiceRequestTable.LogicalName, request.Id),
            [Columns.ResolutionNumber] = resolutionNumber,
            [Columns.Contact] = request.GetAttributeValue<EntityReference>(Request.Contact),
            [Columns.Property] = property,
            [Columns.ResolvedBy] = new EntityReference(PlatformTables.SystemUser, resolver),
            [Columns.DueOn] = dueOn.UtcDateTime,
            [Columns.Attempts] = 0,
            [Columns.OwnerId] = new EntityReference(assignee.Owner.IsTeam ? PlatformTables.Team : PlatformTables.SystemUser, assignee.Owner.Id),
        };
        var id = CreateOnce(system, row, resolutionNumber);
        trace(assignee.OwnedByResolver
            ? $"回访 {id} (resolution {resolutionNumber}) due {dueOn:o}: no team, supervisor, manager or other owner on record, so the resolver owns it and must hand it on."
            : $"回访 {id} (resolution {resolutionNumber}) due {dueOn:o}, owned by the {assignee.Source}.");
        return id;
    }

    /// <summary>Dataverse's code for a second row with the same alternate key values (DuplicateRecordEntityKey, 0x80060892).</summary>
    private const int DuplicateRecordEntityKey = -2147088238;

    /// <summary>
    /// Creates the 回访; when the request × resolution key already holds one, another save resolved the same request a moment
    /// earlier (two staff on one request). The platform's duplicate-key message is English-only and names the key, so the
    /// user gets the reason in both languages instead; the transaction rolls back whole either way.
    /// </summary>
    private static Guid CreateOnce(IOrganizationService system, Entity row, int resolutionNumber)
    {
        try
        {
            return system.Create(row);
        }
        catch (Exception ex) when (ExecutionFaults.ServiceFaultOf(ex) is { ErrorCode: DuplicateRecordEntityKey })
        {
            throw new DomainException(
                FollowUpErrorCodes.AlreadyResolved,
                $"这条报事刚刚已被其他同事解决(第 {resolutionNumber} 次解决已有回访),请刷新后查看 / "
                + $"This request was just resolved by someone else (resolution {resolutionNumber} already has its follow-up); refresh to see it.");
        }
    }
}
