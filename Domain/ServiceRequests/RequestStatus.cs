namespace PropertyCrm.Domain.ServiceRequests;

/// <summary>
/// Where a service request (报事报修) stands in its lifecycle. The numbers order the statuses for display only;
/// Dataverse stores status reasons (statuscode), mapped one to one by the plug-in layer.
/// </summary>
public enum RequestStatus
{
    /// <summary>新建: logged, nobody has responded yet. Both SLA clocks run.</summary>
    New = 0,

    /// <summary>已受理: first response given (the first-response clock stops).</summary>
    Accepted = 1,

    /// <summary>已派工: handed to a technician or team.</summary>
    Dispatched = 2,

    /// <summary>处理中: being worked on (for a dispatched repair: the technician is on site).</summary>
    InProgress = 3,

    /// <summary>待业主确认 / 业主不在家: waiting on the owner; the running clocks pause.</summary>
    WaitingOnOwner = 4,

    /// <summary>已解决: resolved (the resolution clock stops), awaiting the 回访 follow-up.</summary>
    Resolved = 5,

    /// <summary>已关闭: followed up and closed. Final.</summary>
    Closed = 6,

    /// <summary>已取消: withdrawn before work started (logged twice, by mistake, owner withdrew). Final.</summary>
    Cancelled = 7,
}
