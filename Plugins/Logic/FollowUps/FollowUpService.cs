using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Domain.ServiceRequests.FollowUps;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.FollowUpTable.Columns;

namespace PropertyCrm.Plugins.Logic.FollowUps;

/// <summary>
/// What <c>pcrm_RecordFollowUp</c> and the "Record follow-up / 记录回访" workflow activity do: one update of the 回访 as
/// the caller, so the caller's row access applies and the same steps run as for the form (<see cref="FollowUpRecording"/>,
/// <see cref="FollowUpConsequences"/>). Answers with a verification complete it; a failed attempt adds one to the attempts
/// (and may declare the owner unreachable). Calls: naming the request reads its latest 回访 (1, as SYSTEM: only to find the
/// id); a failed attempt takes the 回访's lock (1 write, as SYSTEM, <see cref="FollowUpLock.Lock"/>) and reads its attempts
/// under it (1, as the caller); then the one update.
/// </summary>
public sealed class FollowUpService
{
    private readonly ExecutionScope scope;

    public FollowUpService(ExecutionScope scope)
    {
        this.scope = Guard.NotNull(scope, nameof(scope));
    }

    /// <exception cref="DomainException"><see cref="FollowUpErrorCodes.NothingToRecord"/>, and every 回访 rule's refusal.</exception>
    public FollowUpRecorded Record(FollowUpEntry entry)
    {
        Guard.NotNull(entry, nameof(entry));
        if (!entry.HasAnswers && !entry.AttemptFailed && !entry.DeclareUnreachable)
        {
            throw new DomainException(
                FollowUpErrorCodes.NothingToRecord,
                "没有可记录的回访内容(答案、未联系上或无法联系) / Nothing to record: give answers, a failed attempt or unreachable.");
        }

        if (entry.HasAnswers && (entry.AttemptFailed || entry.DeclareUnreachable))
        {
            throw new DomainException(
                FollowUpErrorCodes.NothingToRecord,
                "同一次记录不能既有业主答案又是未联系上 / One recording cannot both carry the owner's answers and say the owner was not reached.");
        }

        var id = FollowUpId(entry);
        var update = new Entity(FollowUpTable.LogicalName, id);
        SetOption(update, Columns.Verification, entry.Verification);
        SetOption(update, Columns.Satisfaction, entry.Satisfaction);
        SetOption(update, Columns.Channel, entry.Channel);
        SetNumber(update, Columns.Nps, entry.Nps);
        SetNumber(update, Columns.SqReliability, entry.Reliability);
        SetNumber(update, Columns.SqResponsiveness, entry.Responsiveness);
        SetNumber(update, Columns.SqAssurance, entry.Assurance);
        SetNumber(update, Columns.SqEmpathy, entry.Empathy);
        SetNumber(update, Columns.SqTangibles, entry.Tangibles);
        if (!string.IsNullOrWhiteSpace(entry.Comment))
        {
            TextLimits.RequireAtMost(entry.Comment!.Trim(), FollowUpTable.MaxLengths.Comment, "Comment");
            update[Columns.Comment] = entry.Comment.Trim();
        }

        if (entry.AttemptFailed)
        {
            // Count + 1 on the value read under the 回访's lock: two callers recording a failed attempt at once would both
            // read the same count without it and write the same count + 1 (the second save then changes nothing: one attempt
            // counted instead of two). Locked first, the second caller waits here and reads the first one's count.
            FollowUpLock.Lock(scope.SystemService, id, scope.Now);
            var current = scope.Service.Retrieve(FollowUpTable.LogicalName, id, new ColumnSet(Columns.Attempts));
            update[Columns.Attempts] = (current.GetAttributeValue<int?>(Columns.Attempts) ?? 0) + 1;
        }

        var status = entry.DeclareUnreachable ? FollowUpStatus.Unreachable
            : entry.Verification.HasValue ? FollowUpStatus.Completed
            : FollowUpStatus.Pending;
        if (status != FollowUpStatus.Pending)
        {
            update[Columns.StateCode] = new OptionSetValue(FollowUpMapping.ToStateCode(status));
            update[Columns.StatusCode] = new OptionSetValue(FollowUpMapping.ToStatusCode(status));
        }

        scope.Service.Update(update);
        var message = status switch
        {
            FollowUpStatus.Completed => "回访已完成 / Follow-up completed.",
            FollowUpStatus.Unreachable => "已确认无法联系业主 / The owner was declared unreachable.",
            _ when entry.AttemptFailed => "已记录一次未联系上 / A failed attempt was recorded.",
            _ => "回访答案已保存,待核实是否解决后完成 / Answers saved; the follow-up completes with the verification.",
        };
        scope.Trace($"回访 {id}: {status}.");
        return new FollowUpRecorded(id, FollowUpMapping.ToStatusCode(status), message);
    }

    private Guid FollowUpId(FollowUpEntry entry)
    {
        if (entry.FollowUp is { } followUp)
        {
            return followUp.Id;
        }

        if (entry.ServiceRequest is { } request)
        {
            var row = scope.SystemService.Retrieve(ServiceRequestTable.LogicalName, request.Id, new ColumnSet(ServiceRequestTable.Columns.LastFollowUp));
            if (row.GetAttributeValue<EntityReference>(ServiceRequestTable.Columns.LastFollowUp) is { } last)
            {
                return last.Id;
            }
        }

        throw new DomainException(
            FollowUpErrorCodes.NothingToRecord,
            "请指定回访,或指定已解决并生成回访的报事 / Name the follow-up, or a request that was resolved and has one.");
    }

    private static void SetOption(Entity update, string column, int? value)
    {
        if (value.HasValue)
        {
            update[column] = new OptionSetValue(value.Value);
        }
    }

    private static void SetNumber(Entity update, string column, int? value)
    {
        if (value.HasValue)
        {
            update[column] = value.Value;
        }
    }
}
