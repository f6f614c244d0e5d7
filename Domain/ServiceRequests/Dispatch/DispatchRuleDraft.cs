using System;

namespace PropertyCrm.Domain.ServiceRequests.Dispatch;

/// <summary>
/// A dispatch rule row as an admin saves it (派工规则): its criteria (<see cref="PropertyId"/>, <see cref="ServiceLine"/>;
/// null = any), its target (exactly one of <see cref="UserId"/> and <see cref="TeamId"/>) and whether it is active.
/// <see cref="Id"/> is empty for a row being created.
/// </summary>
public sealed record DispatchRuleDraft(Guid Id, string? Name, Guid? PropertyId, int? ServiceLine, Guid? UserId, Guid? TeamId, bool Active)
{
    /// <summary>Whether <paramref name="other"/> has exactly the same criteria (blank matches only blank).</summary>
    public bool SameCriteria(DispatchRuleDraft other)
    {
        Guard.NotNull(other, nameof(other));
        return PropertyId == other.PropertyId && ServiceLine == other.ServiceLine;
    }
}
