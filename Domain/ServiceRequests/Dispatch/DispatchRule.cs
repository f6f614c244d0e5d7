using System;

namespace PropertyCrm.Domain.ServiceRequests.Dispatch;

/// <summary>
/// One active dispatch rule (派工规则): requests at <see cref="PropertyId"/> (null = every property) on
/// <see cref="ServiceLine"/> (null = any line) go to <see cref="UserId"/>, or to a member of <see cref="TeamId"/>
/// chosen by <see cref="Strategy"/>. <see cref="LastAssigneeId"/> is the member the rule assigned last (round robin).
/// </summary>
public sealed record DispatchRule(
    Guid Id,
    Guid? PropertyId,
    int? ServiceLine,
    Guid? UserId,
    Guid? TeamId,
    DispatchStrategy Strategy,
    Guid? LastAssigneeId)
{
    /// <summary>How specific the rule is: property and line 3, property 2, line 1, company-wide 0.</summary>
    public int Specificity => (PropertyId is null ? 0 : 2) + (ServiceLine is null ? 0 : 1);

    /// <summary>Whether the rule covers a request at <paramref name="propertyId"/> on <paramref name="serviceLine"/>.</summary>
    public bool Covers(Guid? propertyId, int? serviceLine) =>
        (PropertyId is null || PropertyId == propertyId) && (ServiceLine is null || ServiceLine == serviceLine);
}
