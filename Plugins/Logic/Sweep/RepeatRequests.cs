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
/// requests on the same service line in the window (for a complaint: earlier complaints with the same cause from the
/// same unit or the same owner), then one update, only when the link changes. Built from one
/// <see cref="ExecutionScope"/>; reads and writes as SYSTEM (see <see cref="Link"/>).
/// </summary>
public sealed class RepeatRequests
{
    /// <summary>Columns the rule needs from the new request (the step's post-image).</summary>
    public static readonly string[] ColumnsRead =
    {
        Columns.Unit, Columns.ServiceLine, Columns.CreatedOn, Columns.RequestType, Columns.Contact, Columns.ComplaintCause,
        Columns.RepeatOf, Columns.RepeatCount,
    };

    /// <summary>Earlier requests read at most: a unit with more in 30 days on one line is counted as this many.</summary>
    public const int MaxEarlier = 5_000;

    private readonly ExecutionScope scope;

    public RepeatRequests(ExecutionScope scope)
    {
        this.scope = Guard.NotNull(scope, nameof(scope));
    }

    /// <summary>
    /// Detects whether <paramref name="request"/> repeats an earlier one and records it: no write when the row already
    /// says so (a new request that repeats nothing; a complaint whose cause changed to one that links the same way), a
    /// cleared link when a complaint's new cause no longer repeats anything.
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
        var changes = Changes(request, assessment);
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
            created,
            contactId: request.GetAttributeValue<EntityReference>(Columns.Contact)?.Id,
            requestType: OptionValues.Read<RequestType>(request, Columns.RequestType),
            complaintCause: OptionValues.Read<ComplaintCause>(request, Columns.ComplaintCause));
        var isComplaint = self.RequestType == RequestType.Complaint;
        if (isComplaint ? !self.ComplaintCause.HasValue || (!self.UnitId.HasValue && !self.ContactId.HasValue) : !self.UnitId.HasValue || !self.ServiceLine.HasValue)
        {
            trace(isComplaint ? "Complaint without a cause, or without unit and owner: not a repeat." : "No unit or no service line: not a repeat.");
            return RepeatAssessment.None;
        }

        var query = new QueryExpression(ServiceRequestTable.LogicalName)
        {
            ColumnSet = new ColumnSet(Columns.CreatedOn, Columns.StatusCode, Columns.Unit, Columns.Contact),
            PageInfo = QueryPaging.FirstPage(MaxEarlier),
        };
        if (isComplaint)
        {
            query.Criteria.AddCondition(Columns.RequestType, ConditionOperator.Equal, OptionValues.ToOption(RequestType.Complaint).Value);
            query.Criteria.AddCondition(Columns.ComplaintCause, ConditionOperator.Equal, OptionValues.ToOption(self.ComplaintCause!.Value).Value);
            var sameUnitOrOwner = new FilterExpression(LogicalOperator.Or);
            if (self.UnitId.HasValue)
            {
                sameUnitOrOwner.AddCondition(Columns.Unit, ConditionOperator.Equal, self.UnitId.Value);
            }

            if (self.ContactId.HasValue)
            {
                sameUnitOrOwner.AddCondition(Columns.Contact, ConditionOperator.Equal, self.ContactId.Value);
            }

            query.Criteria.AddFilter(sameUnitOrOwner);
        }
        else
        {
            query.Criteria.AddCondition(Columns.Unit, ConditionOperator.Equal, self.UnitId!.Value);
            query.Criteria.AddCondition(Columns.ServiceLine, ConditionOperator.Equal, OptionValues.ToOption(self.ServiceLine!.Value).Value);
        }

        query.Criteria.AddCondition(Columns.CreatedOn, ConditionOperator.GreaterEqual, RepeatRule.WindowStart(created).UtcDateTime);
        query.Criteria.AddCondition(Columns.CreatedOn, ConditionOperator.LessThan, created.UtcDateTime);
        query.Criteria.AddCondition(ServiceRequestTable.PrimaryId, ConditionOperator.NotEqual, request.Id);
        query.Criteria.AddCondition(Columns.StatusCode, ConditionOperator.NotEqual, ServiceRequestTable.StatusReasons.Cancelled);
        query.AddOrder(Columns.CreatedOn, OrderType.Descending);

        // The query already matched type, cause or service line; the rule re-checks unit and owner per row.
        var earlier = service.RetrieveMultiple(query).Entities.Select(row => new RequestForRepeat(
            row.Id,
            row.GetAttributeValue<EntityReference>(Columns.Unit)?.Id,
            self.ServiceLine,
            DataverseTime.Instant(row, Columns.CreatedOn) ?? created,
            row.GetAttributeValue<OptionSetValue>(Columns.StatusCode)?.Value == ServiceRequestTable.StatusReasons.Cancelled,
            row.GetAttributeValue<EntityReference>(Columns.Contact)?.Id,
            self.RequestType,
            self.ComplaintCause));
        var assessment = RepeatRule.Assess(self, earlier);
        trace(assessment.IsRepeat
            ? $"Repeat of {assessment.RepeatOf} ({assessment.Count} earlier in {RepeatRule.Window.TotalDays:0} days)."
            : "Not a repeat.");
        return assessment;
    }

    /// <summary>The update that records <paramref name="assessment"/>; null when the row already says so.</summary>
    private static Entity? Changes(Entity request, RepeatAssessment assessment)
    {
        Guard.NotNull(assessment, nameof(assessment));

        var storedOf = request.GetAttributeValue<EntityReference>(Columns.RepeatOf)?.Id;
        var storedCount = request.GetAttributeValue<int?>(Columns.RepeatCount) ?? 0;
        if (storedOf == assessment.RepeatOf && storedCount == assessment.Count)
        {
            return null;
        }

        return new Entity(ServiceRequestTable.LogicalName, request.Id)
        {
            [Columns.RepeatOf] = assessment.IsRepeat ? new EntityReference(ServiceRequestTable.LogicalName, assessment.RepeatOf!.Value) : null,
            [Columns.RepeatCount] = assessment.IsRepeat ? assessment.Count : null,
        };
    }
}
