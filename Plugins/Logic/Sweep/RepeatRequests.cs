using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Domain.ServiceRequests;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Plugins.Logic.Sweep;

/// <summary>
/// Links a new request to the earlier one it repeats (<see cref="RepeatRule"/>): one query for the unit's earlier
/// requests on the same service line in the window, then one update, only when it is a repeat. Built from one
/// <see cref="ExecutionScope"/>; reads and writes as SYSTEM (see <see cref="Link"/>).
/// </summary>
public sealed class RepeatRequests
{
    /// <summary>Columns the rule needs from the new request (the step's post-image).</summary>
    public static readonly string[] ColumnsRead = { Columns.Unit, Columns.ServiceLine, Columns.CreatedOn };

    /// <summary>Earlier requests read at most: a unit with more in 30 days on one line is counted as this many.</summary>
    public const int MaxEarlier = 5_000;

    private readonly ExecutionScope scope;

    public RepeatRequests(ExecutionScope scope)
    {
        this.scope = Guard.NotNull(scope, nameof(scope));
    }

    /// <summary>
    /// Detects whether <paramref name="request"/> repeats an earlier one and records it (no write when it does not).
    /// SYSTEM, not the caller: a repeat is a fact about the unit, not about what the caller may read. As the agent
    /// (business-unit read and AppendTo) it would miss, and could not link to, an earlier request of the same unit that
    /// another business unit's desk or the central hotline logged.
    /// </summary>
    /// <param name="request">The new request with <see cref="ColumnsRead"/>.</param>
    /// <param name="fallbackCreatedOnUtc">Its creation time when the row does not carry createdon (the operation's time).</param>
    public RepeatAssessment Link(Entity request, DateTime fallbackCreatedOnUtc)
    {
        var service = scope.SystemService;
        var assessment = Detect(service, request, fallbackCreatedOnUtc, scope.Trace);
        var changes = Changes(request.Id, assessment);
        if (changes is not null)
        {
            service.Update(changes);
        }

        return assessment;
    }

    private static RepeatAssessment Detect(IOrganizationService service, Entity request, DateTime fallbackCreatedOnUtc, Action<string> trace)
    {
        Guard.NotNull(service, nameof(service));
        Guard.NotNull(request, nameof(request));

        var created = DataverseTime.Instant(request, Columns.CreatedOn)
            ?? DataverseTime.ToInstant(fallbackCreatedOnUtc);
        var self = new RequestForRepeat(
            request.Id,
            request.GetAttributeValue<EntityReference>(Columns.Unit)?.Id,
            OptionValues.Read<ServiceLine>(request, Columns.ServiceLine),
            created);
        if (!self.UnitId.HasValue || !self.ServiceLine.HasValue)
        {
            trace("No unit or no service line: not a repeat.");
            return RepeatAssessment.None;
        }

        var query = new QueryExpression(ServiceRequestTable.LogicalName)
        {
            ColumnSet = new ColumnSet(Columns.CreatedOn, Columns.StatusCode),
            PageInfo = QueryPaging.FirstPage(MaxEarlier),
        };
        query.Criteria.AddCondition(Columns.Unit, ConditionOperator.Equal, self.UnitId.Value);
        query.Criteria.AddCondition(Columns.ServiceLine, ConditionOperator.Equal, OptionValues.ToOption(self.ServiceLine.Value).Value);
        query.Criteria.AddCondition(Columns.CreatedOn, ConditionOperator.GreaterEqual, RepeatRule.WindowStart(created).UtcDateTime);
        query.Criteria.AddCondition(Columns.CreatedOn, ConditionOperator.LessThan, created.UtcDateTime);
        query.Criteria.AddCondition(ServiceRequestTable.PrimaryId, ConditionOperator.NotEqual, request.Id);
        query.Criteria.AddCondition(Columns.StatusCode, ConditionOperator.NotEqual, ServiceRequestTable.StatusReasons.Cancelled);
        query.AddOrder(Columns.CreatedOn, OrderType.Descending);

        var earlier = service.RetrieveMultiple(query).Entities.Select(row => new RequestForRepeat(
            row.Id,
            self.UnitId,
            self.ServiceLine,
            DataverseTime.Instant(row, Columns.CreatedOn) ?? created,
            row.GetAttributeValue<OptionSetValue>(Columns.StatusCode)?.Value == ServiceRequestTable.StatusReasons.Cancelled));
        var assessment = RepeatRule.Assess(self, earlier);
        trace(assessment.IsRepeat
            ? $"Repeat of {assessment.RepeatOf} ({assessment.Count} earlier in {RepeatRule.Window.TotalDays:0} days)."
            : "Not a repeat.");
        return assessment;
    }

    /// <summary>The update that records <paramref name="assessment"/>; null when there is nothing to write.</summary>
    private static Entity? Changes(Guid requestId, RepeatAssessment assessment)
    {
        Guard.NotNull(assessment, nameof(assessment));

        if (!assessment.IsRepeat)
        {
            return null;
        }

        return new Entity(ServiceRequestTable.LogicalName, requestId)
        {
            [Columns.RepeatOf] = new EntityReference(ServiceRequestTable.LogicalName, assessment.RepeatOf!.Value),
            [Columns.RepeatCount] = assessment.Count,
        };
    }
}
