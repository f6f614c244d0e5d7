using System;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Domain.ServiceRequests;
using PropertyCrm.Domain.ServiceRequests.FollowUps;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Logic.Loyalty;
using PropertyCrm.Plugins.Logic.RequestLocks;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.OptionSets;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.FollowUpTable.Columns;
using Request = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Plugins.Logic.FollowUps;

/// <summary>
/// What a finished 回访 sets off, after it is saved (post-operation, same transaction), as SYSTEM — the consequences of
/// a 回访 its recorder was allowed to record, not edits of the request by the recorder.
/// Only the latest 回访 of a request that is still 已解决 has consequences; any other (typed in by hand, or replaced by a
/// newer resolution) is recorded and nothing more.
/// <list type="bullet">
/// <item>The request: verified fixed or unreachable → closed, with the
/// follow-up time, recorder, satisfaction and a line in its follow-up notes; not or partly fixed → back to 处理中 (返工),
/// with the same line in the notes, so the technician finds it again in 我的工单 with the reason; the request's own step
/// counts the reopen and its resolution clock runs on (see <see cref="ServiceLoop"/>); the technician gets a rework task
/// (<see cref="ReworkTasks"/>).</item>
/// <item>A detractor opens one 挽回 recovery case for the property's supervisor (else its manager, else the 回访's owner),
/// due 24 hours later.</item>
/// <item>A survey answer (satisfaction or NPS) earns the SurveyCompleted points once per 回访 (source = the 回访's id),
/// through the loyalty service; a survey rule that is not configured or switched off earns nothing and fails nothing.</item>
/// </list>
/// <para>The request is locked before it is read (<see cref="RequestLock"/>): the decision — is this still the latest 回访 of a
/// resolved request? — holds until the transaction ends, so staff moving the request at the same moment either went first
/// (and the 回访 is recorded only) or wait and find the request closed or reopened.</para>
/// Calls: the request's lock (1 write) and read (1 read); the request update (its steps: 1 read of this 回访 on close); a reopen
/// 1 create (the technician's rework task, <see cref="ReworkTasks"/>); a recovery case 1 read of the property and 1 create; the
/// points award as <see cref="LoyaltyService.Award"/> costs.
/// </summary>
public static class FollowUpConsequences
{
    private static readonly ColumnSet RequestColumns = new(new[]
    {
        Request.StatusCode, Request.ReopenCount, Request.LastFollowUp, Request.FollowUpNotes, Request.Name,
    }.Concat(ReworkTasks.RequestColumns).ToArray());

    public static void Apply(ExecutionScope scope, Entity followUp, Guid recorder)
    {
        Guard.NotNull(scope, nameof(scope));
        Guard.NotNull(followUp, nameof(followUp));
        var system = scope.SystemService;
        var now = DataverseTime.Now(scope.Now);
        var requestRef = followUp.GetAttributeValue<EntityReference>(Columns.ServiceRequest);
        var request = requestRef is null ? null : RequestLock.LockAndRead(system, requestRef.Id, now.UtcDateTime, RequestColumns);
        var completion = FollowUpRules.Consequences(FollowUpMapping.Read(followUp), request?.GetAttributeValue<int?>(Request.ReopenCount) ?? 0);

        if (request is null
            || request.GetAttributeValue<EntityReference>(Request.LastFollowUp)?.Id != followUp.Id
            || RequestStatusMapping.Read(request) != RequestStatus.Resolved)
        {
            // A 回访 typed in by hand, or one a newer resolution replaced: it is kept as a record, but it neither moves the
            // request nor earns points or opens a recovery case (otherwise any hand-made 回访 could earn an owner points).
            scope.Trace($"回访 {followUp.Id} is not the latest of a resolved request: recorded only.");
            return;
        }

        var comment = followUp.GetAttributeValue<string>(Columns.Comment);
        UpdateRequest(system, request, completion, recorder, comment);
        scope.Trace($"Request {request.Id}: {completion.RequestAction}.");
        if (completion.RequestAction == RequestAction.Reopen)
        {
            ReworkTasks.Create(system, request, FollowUpNote.Line(completion.Record, comment), now, scope.Trace);
        }

        if (completion.Recovery is { } reason)
        {
            RecoveryCases.Open(system, followUp, request, reason, now, scope.Trace);
        }

        if (completion.AwardSurveyPoints && followUp.GetAttributeValue<EntityReference>(Columns.Contact) is { } owner)
        {
            AwardSurveyPoints(scope, owner.Id, followUp.Id);
        }
    }

    private static void UpdateRequest(IOrganizationService system, Entity request, FollowUpCompletion completion, Guid recorder, string? comment)
    {
        var record = completion.Record;
        var note = FollowUpNote.Line(record, comment);
        var notes = request.GetAttributeValue<string>(Request.FollowUpNotes);
        var update = new Entity(ServiceRequestTable.LogicalName, request.Id)
        {
            [Request.FollowUpNotes] = ColumnText.Fit(string.IsNullOrEmpty(notes) ? note : note + "\n" + notes, ServiceRequestTable.MaxLengths.FollowUpNotes),
        };
        if (completion.RequestAction == RequestAction.Close)
        {
            update[Request.FollowUpOn] = record.CompletedOn?.UtcDateTime;
            update[Request.FollowUpBy] = new EntityReference(PlatformTables.SystemUser, recorder);
            if (record.Answers.Satisfaction is { } score)
            {
                update[Request.Satisfaction] = FollowUpMapping.SatisfactionOption(score);
            }

            update[Request.StateCode] = new OptionSetValue(ServiceRequestTable.States.Inactive);
            update[Request.StatusCode] = new OptionSetValue(ServiceRequestTable.StatusReasons.Closed);
        }
        else
        {
            update[Request.StatusCode] = new OptionSetValue(ServiceRequestTable.StatusReasons.InProgress);
        }

        system.Update(update);
    }

    private static void AwardSurveyPoints(ExecutionScope scope, Guid owner, Guid followUpId)
    {
        try
        {
            var outcome = new LoyaltyService(scope).Award(new ActivityAward(owner, EarnRule.SurveyCompleted, followUpId.ToString("D", CultureInfo.InvariantCulture)));
            scope.Trace($"Survey points for 回访 {followUpId}: {outcome.Result.Points}{(outcome.AlreadyApplied ? " (already awarded)" : string.Empty)}.");
        }
        catch (DomainException ex) when (ex.Code == LoyaltyService.RuleNotAwardableCode)
        {
            scope.Trace($"No survey points for 回访 {followUpId}: {ex.Message}");
        }
    }
}
