using System;
using System.Collections.Generic;
using System.Linq;

namespace PropertyCrm.Domain.ServiceRequests.Dispatch;

/// <summary>
/// 派工: which rule applies to an accepted request and which technician it assigns. Pure: the plug-in reads the
/// rules, the team's members and their loads, and writes the answer.
/// </summary>
/// <remarks>
/// The most specific covering rule wins (property + line &gt; property &gt; line &gt; company-wide); two rules of the same
/// specificity are decided by the smaller rule id, so the answer never depends on the order rows arrive in.
/// </remarks>
public static class DispatchSelector
{
    /// <summary>The rule for a request at <paramref name="propertyId"/> on <paramref name="serviceLine"/>, or null when none covers it.</summary>
    public static DispatchRule? Match(IEnumerable<DispatchRule> rules, Guid? propertyId, int? serviceLine)
    {
        Guard.NotNull(rules, nameof(rules));
        return rules
            .Where(r => r.Covers(propertyId, serviceLine))
            .OrderByDescending(r => r.Specificity)
            .ThenBy(r => r.Id)
            .FirstOrDefault();
    }

    /// <summary>
    /// The member of a team rule's team who gets the request, or null when the team has no members.
    /// <paramref name="openLoads"/> counts the open requests assigned to each member (absent = 0); only least loaded uses it.
    /// </summary>
    public static Guid? PickMember(DispatchRule rule, IEnumerable<Guid> members, IReadOnlyDictionary<Guid, int> openLoads)
    {
        Guard.NotNull(rule, nameof(rule));
        Guard.NotNull(members, nameof(members));
        Guard.NotNull(openLoads, nameof(openLoads));
        var ordered = members.Distinct().OrderBy(m => m).ToList();
        if (ordered.Count == 0)
        {
            return null;
        }

        if (rule.Strategy == DispatchStrategy.RoundRobin)
        {
            var last = rule.LastAssigneeId is { } l ? ordered.IndexOf(l) : -1;
            if (last < 0 && rule.LastAssigneeId is { } gone)
            {
                // The last assignee left the team: continue with the first member after them in id order.
                var next = ordered.FindIndex(m => m.CompareTo(gone) > 0);
                return ordered[next < 0 ? 0 : next];
            }

            return ordered[(last + 1) % ordered.Count];
        }

        return ordered
            .OrderBy(m => openLoads.TryGetValue(m, out var load) ? load : 0)
            .ThenBy(m => m)
            .First();
    }
}
