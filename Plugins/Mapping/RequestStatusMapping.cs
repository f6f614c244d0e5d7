using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Domain;
using PropertyCrm.Domain.ServiceRequests;
using PropertyCrm.Schema.Tables;
using Reasons = PropertyCrm.Schema.Tables.ServiceRequestTable.StatusReasons;

namespace PropertyCrm.Plugins.Mapping;

/// <summary>Service request status reason (statuscode) ↔ <see cref="RequestStatus"/>; Closed and Cancelled are the inactive state.</summary>
public static class RequestStatusMapping
{
    public static RequestStatus ToStatus(int statusCode) => statusCode switch
    {
        Reasons.New => RequestStatus.New,
        Reasons.Accepted => RequestStatus.Accepted,
        Reasons.Dispatched => RequestStatus.Dispatched,
        Reasons.InProgress => RequestStatus.InProgress,
        Reasons.WaitingOnOwner => RequestStatus.WaitingOnOwner,
        Reasons.Resolved => RequestStatus.Resolved,
        Reasons.Closed => RequestStatus.Closed,
        Reasons.Cancelled => RequestStatus.Cancelled,
        _ => throw new DomainException(
            ServiceRequestErrorCodes.UnknownStatus,
            $"未知的报事状态原因 {statusCode} / Unknown service request status reason {statusCode}."),
    };

    public static int ToStatusCode(RequestStatus status) => status switch
    {
        RequestStatus.New => Reasons.New,
        RequestStatus.Accepted => Reasons.Accepted,
        RequestStatus.Dispatched => Reasons.Dispatched,
        RequestStatus.InProgress => Reasons.InProgress,
        RequestStatus.WaitingOnOwner => Reasons.WaitingOnOwner,
        RequestStatus.Resolved => Reasons.Resolved,
        RequestStatus.Closed => Reasons.Closed,
        RequestStatus.Cancelled => Reasons.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    /// <summary>statecode for a status: Closed and Cancelled are inactive.</summary>
    public static int ToStateCode(RequestStatus status) =>
        RequestLifecycle.IsFinal(status) ? ServiceRequestTable.States.Inactive : ServiceRequestTable.States.Active;

    /// <summary>The status a row holds (New when blank, as the platform defaults it).</summary>
    public static RequestStatus Read(Entity? row)
    {
        var code = row?.GetAttributeValue<OptionSetValue>(ServiceRequestTable.Columns.StatusCode);
        return code is null ? RequestStatus.New : ToStatus(code.Value);
    }
}
