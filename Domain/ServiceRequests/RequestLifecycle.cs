using System;
using System.Collections.Generic;
using System.Linq;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Domain.ServiceRequests;

/// <summary>
/// The service-request state machine: which status changes are allowed. What each change records (timestamps,
/// SLA clocks) is <see cref="ServiceRequestState.MoveTo"/>.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>from</term><description>allowed to · why</description></listheader>
/// <item><term>New 新建</term><description>Accepted, Cancelled. Every request is acknowledged before anything else
/// happens, because acceptance is the first response the SLA measures.</description></item>
/// <item><term>Accepted 已受理</term><description>Dispatched, InProgress (the agent handles it personally, 首问负责制),
/// WaitingOnOwner, Resolved (an inquiry answered on the spot), Cancelled.</description></item>
/// <item><term>Dispatched 已派工</term><description>InProgress, WaitingOnOwner (业主不在家), Resolved.</description></item>
/// <item><term>InProgress 处理中</term><description>WaitingOnOwner, Resolved.</description></item>
/// <item><term>WaitingOnOwner 待业主确认</term><description>Accepted, Dispatched, InProgress, Resolved: back to wherever the
/// work continues.</description></item>
/// <item><term>Resolved 已解决</term><description>Closed (after the 回访 follow-up), InProgress (reopened: the fix did
/// not hold).</description></item>
/// <item><term>Closed 已关闭, Cancelled 已取消</term><description>nothing: final. A problem that comes back is a new
/// request (the repeat rule links it to this one).</description></item>
/// </list>
/// Cancelling is possible only before work starts (New, Accepted): once a technician is dispatched the request ends
/// as Resolved, with notes, so its SLA outcome and its cost stay in the statistics instead of being cancelled away.
/// Setting the status a request already has is not a change and always allowed.
/// <para><b>3-step and 5-step paths</b> (<see cref="EnsurePathAllowed"/>): the table allows Accepted → Resolved for
/// every type, the 3-step path 受理 → 解决 → 回访 of an inquiry (咨询) answered on the phone or a simple 报事 (help,
/// suggestion, praise, renovation filing, key custody, payment, complaint). A repair (报修) takes the 5-step path
/// 受理 → 派工 → 处理(到场) → 解决 → 回访: it may be resolved only from Dispatched or In progress, or once a dispatch or an
/// on-site arrival has been recorded (dispatched on / arrived on), because a repair nobody went to is not fixed.</para>
/// </remarks>
public static class RequestLifecycle
{
    private static readonly Dictionary<RequestStatus, RequestStatus[]> Allowed = new()
    {
        [RequestStatus.New] = new[] { RequestStatus.Accepted, RequestStatus.Cancelled },
        [RequestStatus.Accepted] = new[] { RequestStatus.Dispatched, RequestStatus.InProgress, RequestStatus.WaitingOnOwner, RequestStatus.Resolved, RequestStatus.Cancelled },
        [RequestStatus.Dispatched] = new[] { RequestStatus.InProgress, RequestStatus.WaitingOnOwner, RequestStatus.Resolved },
        [RequestStatus.InProgress] = new[] { RequestStatus.WaitingOnOwner, RequestStatus.Resolved },
        [RequestStatus.WaitingOnOwner] = new[] { RequestStatus.Accepted, RequestStatus.Dispatched, RequestStatus.InProgress, RequestStatus.Resolved },
        [RequestStatus.Resolved] = new[] { RequestStatus.Closed, RequestStatus.InProgress },
        [RequestStatus.Closed] = Array.Empty<RequestStatus>(),
        [RequestStatus.Cancelled] = Array.Empty<RequestStatus>(),
    };

    /// <summary>The statuses <paramref name="from"/> may change to.</summary>
    public static IReadOnlyList<RequestStatus> AllowedFrom(RequestStatus from) =>
        Allowed.TryGetValue(from, out var to) ? Array.AsReadOnly(to) : throw Unknown(from);

    /// <summary>True for an allowed change, and for "no change".</summary>
    public static bool IsAllowed(RequestStatus from, RequestStatus to) => from == to || AllowedFrom(from).Contains(to);

    /// <summary>Closed and Cancelled: the request is over (inactive in Dataverse).</summary>
    public static bool IsFinal(RequestStatus status) => AllowedFrom(status).Count == 0;

    /// <exception cref="DomainException"><see cref="ServiceRequestErrorCodes.InvalidTransition"/>, naming both statuses.</exception>
    public static void EnsureAllowed(RequestStatus from, RequestStatus to)
    {
        if (IsAllowed(from, to))
        {
            return;
        }

        var allowed = AllowedFrom(from);
        var options = allowed.Count == 0
            ? new[] { "该状态为最终状态", "it is final" }
            : new[] { "可改为:" + string.Join("、", allowed.Select(Chinese)), "allowed: " + string.Join(", ", allowed.Select(English)) };
        throw new DomainException(
            ServiceRequestErrorCodes.InvalidTransition,
            $"报事状态不能从“{Chinese(from)}”改为“{Chinese(to)}”({options[0]}) / "
            + $"A service request cannot go from '{English(from)}' to '{English(to)}' ({options[1]}).");
    }

    /// <summary>Whether requests of <paramref name="type"/> take the 5-step path: work (dispatch or arrival) before resolution.</summary>
    public static bool RequiresWorkBeforeResolution(RequestType type) => type == RequestType.Repair;

    /// <summary>
    /// The path rule on top of <see cref="EnsureAllowed"/>: a repair reaches Resolved only through the work
    /// (Dispatched or In progress, or with a recorded dispatch or arrival); other types may go Accepted → Resolved.
    /// </summary>
    /// <param name="type">The request type after the change; null (not set) is not checked here.</param>
    /// <param name="workRecorded">The request carries dispatched on or arrived on.</param>
    /// <exception cref="DomainException"><see cref="ServiceRequestErrorCodes.RepairNotWorked"/>.</exception>
    public static void EnsurePathAllowed(RequestType? type, RequestStatus from, RequestStatus to, bool workRecorded)
    {
        if (to != RequestStatus.Resolved || from == to || type is not { } known || !RequiresWorkBeforeResolution(known)
            || from is RequestStatus.Dispatched or RequestStatus.InProgress || workRecorded)
        {
            return;
        }

        throw new DomainException(
            ServiceRequestErrorCodes.RepairNotWorked,
            $"报修须经派工或到场处理后才能解决,不能从“{Chinese(from)}”直接改为“已解决”:请先派工或改为“处理中”,或填写到场时间 / "
            + $"A repair is resolved only after it was dispatched or worked on site; it cannot go from '{English(from)}' straight to 'Resolved': dispatch it or move it to 'In progress' first, or record the arrival time.");
    }

    /// <summary>The status as staff read it, e.g. 待业主确认.</summary>
    public static string Chinese(RequestStatus status) => status switch
    {
        RequestStatus.New => "新建",
        RequestStatus.Accepted => "已受理",
        RequestStatus.Dispatched => "已派工",
        RequestStatus.InProgress => "处理中",
        RequestStatus.WaitingOnOwner => "待业主确认",
        RequestStatus.Resolved => "已解决",
        RequestStatus.Closed => "已关闭",
        RequestStatus.Cancelled => "已取消",
        _ => throw Unknown(status),
    };

    public static string English(RequestStatus status) => status switch
    {
        RequestStatus.New => "New",
        RequestStatus.Accepted => "Accepted",
        RequestStatus.Dispatched => "Dispatched",
        RequestStatus.InProgress => "In progress",
        RequestStatus.WaitingOnOwner => "Waiting on owner",
        RequestStatus.Resolved => "Resolved",
        RequestStatus.Closed => "Closed",
        RequestStatus.Cancelled => "Cancelled",
        _ => throw Unknown(status),
    };

    private static DomainException Unknown(RequestStatus status) =>
        new(ServiceRequestErrorCodes.UnknownStatus, $"未知的报事状态 {(int)status} / Unknown service request status {(int)status}.");
}
