using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain.ServiceRequests.Dispatch;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;
using Requests = PropertyCrm.Schema.Tables.ServiceRequestTable;
using Rules = PropertyCrm.Schema.Tables.DispatchRuleTable.Columns;

namespace PropertyCrm.Plugins.Logic.Dispatch;

/// <summary>
/// What dispatch (派工) reads and writes besides the request: the active rules that may cover it, a team's members,
/// their open loads, and a round-robin rule's last assignee (under the rule's lock). Everything as SYSTEM: rules are
/// configuration and loads are counts, and the platform still checks the user's Assign on the request itself.
/// </summary>
/// <remarks>
/// <b>Budget</b> (rules from <see cref="DispatchRuleCache"/>: none warm, one cold). A user rule: nothing more. A least-loaded
/// team rule: 2 reads (members, one FetchXML aggregate count grouped by owner). A round-robin team rule: 2 reads (members,
/// the rule again under its lock) and 2 writes on the rule (the lock, then the last assignee).
/// </remarks>
public static class DispatchReads
{
    private static readonly string[] RuleColumns =
    {
        Rules.Property, Rules.ServiceLine, Rules.Technician, Rules.Team, Rules.Strategy, Rules.LastAssignee,
    };

    /// <summary>Every active rule of the organization (configuration: a handful of rows).</summary>
    public static IReadOnlyList<DispatchRule> ActiveRules(IOrganizationService service)
    {
        var query = new QueryExpression(DispatchRuleTable.LogicalName) { ColumnSet = new ColumnSet(RuleColumns), NoLock = true };
        query.Criteria.AddCondition(Rules.StateCode, ConditionOperator.Equal, 0);
        return service.RetrieveMultiple(query).Entities.Select(Read).ToList();
    }

    /// <summary>The users in <paramref name="teamId"/>.</summary>
    public static IReadOnlyList<Guid> Members(IOrganizationService service, Guid teamId)
    {
        var query = new QueryExpression(PlatformTables.TeamMembership.LogicalName)
        {
            ColumnSet = new ColumnSet(PlatformTables.TeamMembership.SystemUserId),
            NoLock = true,
        };
        query.Criteria.AddCondition(PlatformTables.TeamMembership.TeamId, ConditionOperator.Equal, teamId);
        return service.RetrieveMultiple(query).Entities
            .Select(e => e.GetAttributeValue<Guid>(PlatformTables.TeamMembership.SystemUserId))
            .ToList();
    }

    /// <summary>Open requests (active, not resolved) owned by each of <paramref name="members"/>: one aggregate query, not their rows.</summary>
    public static IReadOnlyDictionary<Guid, int> OpenLoads(IOrganizationService service, IReadOnlyList<Guid> members)
    {
        var values = string.Concat(members.Select(m => $"<value>{m}</value>"));
        var fetch = $@"<fetch aggregate='true'>
  <entity name='{Requests.LogicalName}'>
    <attribute name='{Requests.Columns.OwnerId}' alias='assignee' groupby='true' />
    <attribute name='{Requests.PrimaryId}' alias='open' aggregate='count' />
    <filter>
      <condition attribute='{Requests.Columns.StateCode}' operator='eq' value='{Requests.States.Active}' />
      <condition attribute='{Requests.Columns.StatusCode}' operator='ne' value='{Requests.StatusReasons.Resolved}' />
      <condition attribute='{Requests.Columns.OwnerId}' operator='in'>{values}</condition>
    </filter>
  </entity>
</fetch>";
        var loads = new Dictionary<Guid, int>();
        foreach (var row in service.RetrieveMultiple(new FetchExpression(fetch)).Entities)
        {
            if (row.GetAttributeValue<AliasedValue>("assignee")?.Value is EntityReference owner
                && row.GetAttributeValue<AliasedValue>("open")?.Value is int count)
            {
                loads[owner.Id] = count;
            }
        }

        return loads;
    }

    /// <summary>
    /// Takes the rule's row lock (a real column: last dispatched on = now) and reads its last assignee again, so two
    /// acceptances under one round-robin rule go one after the other and never pick the same member twice.
    /// </summary>
    public static DispatchRule LockAndReread(IOrganizationService service, DispatchRule rule, DateTime nowUtc)
    {
        service.Update(new Entity(DispatchRuleTable.LogicalName, rule.Id) { [Rules.LastDispatchedOn] = nowUtc });
        var row = service.Retrieve(DispatchRuleTable.LogicalName, rule.Id, new ColumnSet(RuleColumns));
        return Read(row);
    }

    /// <summary>Records the member a round-robin rule assigned (inside the lock <see cref="LockAndReread"/> took).</summary>
    public static void RecordAssignee(IOrganizationService service, Guid ruleId, Guid assignee) =>
        service.Update(new Entity(DispatchRuleTable.LogicalName, ruleId) { [Rules.LastAssignee] = new EntityReference(PlatformTables.SystemUser, assignee) });

    private static DispatchRule Read(Entity row) =>
        new(
            row.Id,
            row.GetAttributeValue<EntityReference>(Rules.Property)?.Id,
            row.GetAttributeValue<OptionSetValue>(Rules.ServiceLine)?.Value,
            row.GetAttributeValue<EntityReference>(Rules.Technician)?.Id,
            row.GetAttributeValue<EntityReference>(Rules.Team)?.Id,
            OptionValues.Read<DispatchStrategy>(row, Rules.Strategy) ?? DispatchStrategy.LeastLoaded,
            row.GetAttributeValue<EntityReference>(Rules.LastAssignee)?.Id);
}
