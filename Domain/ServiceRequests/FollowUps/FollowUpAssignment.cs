using System;

namespace PropertyCrm.Domain.ServiceRequests.FollowUps;

/// <summary>A user or a team that may own a row.</summary>
public sealed record Principal(Guid Id, bool IsTeam);

/// <summary>Where the 回访's owner came from, in the order <see cref="FollowUpAssignment.Choose"/> tries them.</summary>
public enum FollowUpOwnerSource
{
    /// <summary>The property's 客服 team (pcrm_serviceteamid).</summary>
    ServiceTeam = 0,

    /// <summary>The property's 客服主管 supervisor.</summary>
    Supervisor = 1,

    /// <summary>The property's 项目经理 manager.</summary>
    PropertyManager = 2,

    /// <summary>The team that owns the request (a dispatch queue).</summary>
    RequestTeam = 3,

    /// <summary>The request's first-contact owner (首问负责人).</summary>
    FirstContactOwner = 4,

    /// <summary>Nobody else: the request's owner, even when that is the resolver, who still may not record it.</summary>
    RequestOwner = 5,
}

/// <summary>Who owns a new 回访, and why.</summary>
public sealed record FollowUpAssignee(Principal Owner, FollowUpOwnerSource Source)
{
    /// <summary>True only in the last resort, when the resolver owns it: he must hand it on (the recording rule refuses him).</summary>
    public bool OwnedByResolver { get; init; }
}

/// <summary>
/// Who owns the 回访 of a resolution: the property's 客服 team; else the first of the supervisor, the property manager, the
/// request's owning team and the first-contact owner who is not the resolver; as a last resort the request's owner. The
/// 回访 checks somebody else's work, so it never goes to the resolver while anyone else is named.
/// </summary>
public static class FollowUpAssignment
{
    public static FollowUpAssignee Choose(Guid? serviceTeam, Guid? supervisor, Guid? propertyManager, Principal requestOwner, Guid? firstContactOwner, Guid resolver)
    {
        Guard.NotNull(requestOwner, nameof(requestOwner));
        if (serviceTeam is { } team)
        {
            return new FollowUpAssignee(new Principal(team, true), FollowUpOwnerSource.ServiceTeam);
        }

        if (supervisor is { } s && s != resolver)
        {
            return new FollowUpAssignee(new Principal(s, false), FollowUpOwnerSource.Supervisor);
        }

        if (propertyManager is { } m && m != resolver)
        {
            return new FollowUpAssignee(new Principal(m, false), FollowUpOwnerSource.PropertyManager);
        }

        if (requestOwner.IsTeam)
        {
            return new FollowUpAssignee(requestOwner, FollowUpOwnerSource.RequestTeam);
        }

        if (firstContactOwner is { } f && f != resolver)
        {
            return new FollowUpAssignee(new Principal(f, false), FollowUpOwnerSource.FirstContactOwner);
        }

        return new FollowUpAssignee(requestOwner, FollowUpOwnerSource.RequestOwner) { OwnedByResolver = requestOwner.Id == resolver };
    }
}
