using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;
using PropertyCrm.Domain.ServiceRequests.FollowUps;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.FollowUpTable.Columns;

namespace PropertyCrm.Plugins.Logic.FollowUps;

/// <summary>
/// The 回访 rules on a save of pcrm_followup (form, flow, <c>pcrm_RecordFollowUp</c>, workflow activity alike), in
/// pre-operation so what they derive is saved with it: answers are range-checked and only taken while pending; an attempts
/// count may go up by one, stamping the attempt times; 已完成 needs the verification and someone other than the resolver,
/// and stamps completed on and the detractor flag; 无法联系 needs 3 attempts over 48 hours; a finished 回访 stays finished.
/// Columns only code writes are refused on a direct save. Calls: completing reads the request (its reopen count) once;
/// nothing else reads.
/// </summary>
public static class FollowUpRecording
{
    /// <summary>Columns only PropertyCrm's code writes: refused on a direct (depth 1) save when they change.</summary>
    public static readonly string[] CodeOwnedColumns =
    {
        Columns.ServiceRequest, Columns.ResolutionNumber, Columns.ResolvedBy, Columns.CompletedOn, Columns.IsDetractor,
        Columns.FirstAttemptOn, Columns.LastAttemptOn,
    };

    /// <summary>Error code of a refused edit of a code-owned column.</summary>
    public const string CodeOwnedColumnCode = "followup.system-column";

    public static void OnUpdate(IOrganizationService system, Entity pre, Entity target, Guid user, bool direct, DateTimeOffset now, Action<string> trace)
    {
        Guard.NotNull(pre, nameof(pre));
        Guard.NotNull(target, nameof(target));
        if (direct)
        {
            RefuseCodeOwnedEdits(pre, target);
        }

        var before = FollowUpMapping.Read(pre);
        var statusTo = target.Contains(Columns.StatusCode) ? FollowUpMapping.ReadStatus(target) : before.Status;
        FollowUpRules.EnsureNotReopened(before.Status, statusTo);

        var record = before;
        if (FollowUpMapping.AnswerColumns.Any(target.Contains))
        {
            var after = Overlay(pre, target);
            record = FollowUpRules.Answer(record, FollowUpMapping.ReadAnswers(after));
        }

        if (target.Contains(Columns.Attempts))
        {
            FollowUpRules.EnsurePending(record);
            record = FollowUpRules.SetAttempts(record, target.GetAttributeValue<int?>(Columns.Attempts) ?? 0, now);
        }

        if (statusTo != before.Status)
        {
            record = statusTo == FollowUpStatus.Completed
                ? FollowUpRules.Complete(record, user, ReopenCount(system, pre), now).Record
                : FollowUpRules.DeclareUnreachable(record, user, now).Record;
            target[Columns.StateCode] = new OptionSetValue(FollowUpMapping.ToStateCode(statusTo));
            trace($"回访 {pre.Id} {before.Status} → {statusTo}{(record.IsDetractor ? " (detractor)" : string.Empty)}.");
        }

        FollowUpMapping.WriteDerived(target, before, record);
    }

    private static int ReopenCount(IOrganizationService system, Entity followUp)
    {
        var request = followUp.GetAttributeValue<EntityReference>(Columns.ServiceRequest);
        if (request is null)
        {
            return 0;
        }

        var row = system.Retrieve(ServiceRequestTable.LogicalName, request.Id, new ColumnSet(ServiceRequestTable.Columns.ReopenCount));
        return row.GetAttributeValue<int?>(ServiceRequestTable.Columns.ReopenCount) ?? 0;
    }

    private static void RefuseCodeOwnedEdits(Entity pre, Entity target)
    {
        foreach (var column in CodeOwnedColumns.Where(target.Contains))
        {
            var stored = pre.Contains(column) ? pre[column] : null;
            if (!Equals(stored, target[column]))
            {
                throw new DomainException(
                    CodeOwnedColumnCode,
                    $"回访的“{column}”由系统维护,不能直接修改 / The follow-up's {column} is maintained by the system and cannot be edited.");
            }
        }
    }

    private static Entity Overlay(Entity pre, Entity target)
    {
        var merged = new Entity(pre.LogicalName, pre.Id);
        foreach (var attribute in pre.Attributes)
        {
            merged[attribute.Key] = attribute.Value;
        }

        foreach (var attribute in target.Attributes)
        {
            merged[attribute.Key] = attribute.Value;
        }

        return merged;
    }
}
