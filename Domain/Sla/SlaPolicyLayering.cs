using System;
using System.Collections.Generic;
using System.Linq;

namespace PropertyCrm.Domain.Sla;

/// <summary>
/// Builds the <see cref="SlaPolicySet"/> a request of one property runs under from three layers: the built-in
/// <see cref="DefaultSlaPolicies"/>, the admin's company-wide policies (no property), then that property's own.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Layers only replace, they never compete: a policy whose criteria (<see cref="SlaPolicy.CriteriaKey"/>) equal
/// one beneath it replaces that one. Policies with new criteria are simply added and take part in the usual
/// specificity contest of <see cref="SlaPolicySet"/>.</item>
/// <item>Replacement is per KPI: a row that defines only the first response keeps the resolution target of the
/// policy it replaces (same criteria). So an admin who shortens the repair response to 60 minutes does not
/// silently lose the 2-working-day repair resolution. The merged policy carries the upper row's name.</item>
/// <item>Within one layer, two policies with the same criteria are refused (<see cref="SlaErrorCodes.DuplicatePolicy"/>):
/// which one an admin meant cannot be guessed.</item>
/// </list>
/// </remarks>
public static class SlaPolicyLayering
{
    /// <param name="layers">Lowest first, e.g. defaults, company-wide, property.</param>
    public static SlaPolicySet Compose(params IEnumerable<SlaPolicy>[] layers)
    {
        Guard.NotNull(layers, nameof(layers));

        var byCriteria = new Dictionary<string, SlaPolicy>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            var policies = (layer ?? throw new ArgumentNullException(nameof(layers))).ToArray();
            var clash = policies.GroupBy(p => p.CriteriaKey, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (clash is not null)
            {
                var names = string.Join("', '", clash.Select(p => p.Name));
                throw new DomainException(
                    SlaErrorCodes.DuplicatePolicy,
                    $"SLA 策略 '{names}' 属于同一层级且适用条件相同({clash.Key}),无法判断应采用哪一条 / "
                    + $"SLA policies '{names}' are in the same layer with the same criteria ({clash.Key}); which one applies cannot be decided.");
            }

            foreach (var policy in policies)
            {
                byCriteria[policy.CriteriaKey] = byCriteria.TryGetValue(policy.CriteriaKey, out var beneath)
                    ? Replace(beneath, policy)
                    : policy;
            }
        }

        return new SlaPolicySet(byCriteria.Values);
    }

    /// <summary><paramref name="upper"/>'s targets, plus <paramref name="beneath"/>'s for the KPIs upper leaves open.</summary>
    public static SlaPolicy Replace(SlaPolicy beneath, SlaPolicy upper)
    {
        Guard.NotNull(beneath, nameof(beneath));
        Guard.NotNull(upper, nameof(upper));

        if (!string.Equals(beneath.CriteriaKey, upper.CriteriaKey, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Only a policy with the same criteria can be replaced: {beneath} vs {upper}.", nameof(upper));
        }

        var inherited = beneath.Targets.Where(t => upper.TargetFor(t.Kpi) is null);
        return new SlaPolicy(upper.Name, upper.Targets.Concat(inherited), upper.RequestType, upper.ServiceLine, upper.Urgency, upper.OwnerTier);
    }
}
