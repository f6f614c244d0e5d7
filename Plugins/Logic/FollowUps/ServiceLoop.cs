using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain;
using PropertyCrm.Domain.ServiceRequests;
using PropertyCrm.Domain.ServiceRequests.FollowUps;
using PropertyCrm.Plugins.Mapping;
using PropertyCrm.Schema.Tables;
using Columns = PropertyCrm.Schema.Tables.ServiceRequestTable.Columns;

namespace PropertyCrm.Plugins.Logic.FollowUps;

/// <summary>
/// The request side of the 回访 loop, run in the request's pre-operation when its status changes, so everything it sets
/// is saved with the status change itself:
/// <list type="bullet">
/// <item>→ 已解决 Resolved: creates the resolution's 回访 (<see cref="FollowUpCreation"/>), links it as the last follow-up,
/// and records first-contact resolution (受理 → 已解决 by the request's first-contact owner).</item>
/// <item>已解决 → 处理中 (reopened, by a 回访 or by staff): reopen count + 1, first-time fix and first-contact resolution off.</item>
/// <item>→ 已关闭 Closed: only after the last 回访 verified the fix or declared the owner unreachable
/// (<see cref="ServiceLoopRules.EnsureCanClose"/>); first-time fix = never reopened.</item>
/// </list>
/// Calls: resolve 1 read (the property) and 1 create (the 回访); close 1 read (the last 回访); reopen none.
/// </summary>
public static class ServiceLoop
{
    /// <summary>The request columns the pre-image must carry.</summary>
    public static readonly string[] PreImageColumns =
    {
        Columns.StatusCode, Columns.ReopenCount, Columns.LastFollowUp, Columns.Property, Columns.Contact, Columns.OwnerId,
        Columns.FirstContactOwner, Columns.Name, Columns.FirstTimeFix, Columns.FirstContactResolution,
    };

    /// <summary>The loop's request columns: only this code writes them (a direct save that changes one is refused), so
    /// nobody can unlink the 回访 the close rule checks or rewrite the first-time-fix figures.</summary>
    public static readonly string[] CodeOwnedColumns =
    {
        Columns.ReopenCount, Columns.LastFollowUp, Columns.FirstTimeFix, Columns.FirstContactResolution,
    };

    /// <summary>Error code of a refused edit of a code-owned column.</summary>
    public const string CodeOwnedColumnCode = "request.loop.system-column";

    /// <summary>Refuses a direct (depth 1) save that changes one of <see cref="CodeOwnedColumns"/>; sending the stored value back passes.</summary>
    public static void RefuseCodeOwnedEdits(Entity pre, Entity target)
    {
        Guard.NotNull(pre, nameof(pre));
        Guard.NotNull(target, nameof(target));
        foreach (var column in CodeOwnedColumns)
        {
            if (target.Contains(column) && !Equals(pre.Contains(column) ? pre[column] : null, target[column]))
            {
                throw new DomainException(
                    CodeOwnedColumnCode,
                    $"报事的“{column}”由回访闭环维护,不能直接修改 / The request's {column} is maintained by the follow-up loop and cannot be edited.");
            }
        }
    }

    public static void OnStatusChange(IOrganizationService system, Entity pre, Entity target, RequestStatus from, RequestStatus to, Guid user, DateTimeOffset now, Action<string> trace)
    {
        Guard.NotNull(system, nameof(system));
        Guard.NotNull(pre, nameof(pre));
        Guard.NotNull(target, nameof(target));
        var reopenCount = pre.GetAttributeValue<int?>(Columns.ReopenCount) ?? 0;
        switch (to)
        {
            case RequestStatus.Resolved:
                target[Columns.FirstContactResolution] = ServiceLoopRules.IsFirstContactResolution(from, user, pre.GetAttributeValue<EntityReference>(Columns.FirstContactOwner)?.Id);
                var followUp = FollowUpCreation.Create(system, pre, reopenCount + 1, user, now, trace);
                target[Columns.LastFollowUp] = new EntityReference(FollowUpTable.LogicalName, followUp);
                break;
            case RequestStatus.InProgress when from == RequestStatus.Resolved:
                target[Columns.ReopenCount] = reopenCount + 1;
                target[Columns.FirstTimeFix] = false;
                target[Columns.FirstContactResolution] = false;
                trace($"Request reopened ({reopenCount + 1}).");
                break;
            case RequestStatus.Closed:
                ServiceLoopRules.EnsureCanClose(ReadLast(system, pre.GetAttributeValue<EntityReference>(Columns.LastFollowUp)));
                target[Columns.FirstTimeFix] = ServiceLoopRules.IsFirstTimeFix(reopenCount);
                break;
        }
    }

    private static LastFollowUp? ReadLast(IOrganizationService system, EntityReference? last)
    {
        if (last is null)
        {
            return null;
        }

        var row = system.Retrieve(FollowUpTable.LogicalName, last.Id, new Microsoft.Xrm.Sdk.Query.ColumnSet(FollowUpTable.Columns.StatusCode, FollowUpTable.Columns.Verification));
        return new LastFollowUp(FollowUpMapping.ReadStatus(row), OptionValues.Read<FixVerification>(row, FollowUpTable.Columns.Verification));
    }
}
