using System;
using System.Collections.Generic;
using System.Linq;

namespace PropertyCrm.Domain.Sla;

/// <summary>
/// All SLA policies in force, and the rule that picks a target for each KPI of a request.
/// </summary>
/// <remarks>
/// Precedence, per KPI: among the policies that match the request and define that KPI, the one with the highest
/// <see cref="SlaPolicy.Specificity"/> wins (urgency &gt; owner tier &gt; request type &gt; service line, as bits).
/// Two policies with the same criteria are refused when the set is built, so the winner is never a tie. Choosing
/// per KPI lets a narrow policy override one KPI and inherit the other from a broader policy.
/// </remarks>
public sealed class SlaPolicySet
{
    public SlaPolicySet(IEnumerable<SlaPolicy> policies)
    {
        Guard.NotNull(policies, nameof(policies));

        var list = policies.ToArray();
        var clash = list.GroupBy(p => p.CriteriaKey, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            var names = string.Join("', '", clash.Select(p => p.Name));
            throw new DomainException(
                SlaErrorCodes.DuplicatePolicy,
                $"SLA 策略 '{names}' 的适用条件相同({clash.Key}),无法判断优先级 / "
                + $"SLA policies '{names}' have the same criteria ({clash.Key}); precedence would be ambiguous.");
        }

        Policies = Array.AsReadOnly(list.OrderByDescending(p => p.Specificity).ThenBy(p => p.Name, StringComparer.Ordinal).ToArray());
    }

    /// <summary>Most specific first.</summary>
    public IReadOnlyList<SlaPolicy> Policies { get; }

    /// <summary>The winning target for <paramref name="kpi"/>, or null when no matching policy defines it.</summary>
    public SlaPolicyMatch? Find(SlaRequestFacts facts, SlaKpi kpi)
    {
        Guard.NotNull(facts, nameof(facts));

        foreach (var policy in Policies)
        {
            var target = policy.TargetFor(kpi);
            if (target is not null && policy.Matches(facts))
            {
                return new SlaPolicyMatch(target, policy);
            }
        }

        return null;
    }

    /// <summary>The winning target for every KPI that some matching policy defines, in KPI order.</summary>
    public IReadOnlyList<SlaPolicyMatch> Resolve(SlaRequestFacts facts)
    {
        Guard.NotNull(facts, nameof(facts));

        var matches = new List<SlaPolicyMatch>();
        foreach (SlaKpi kpi in Enum.GetValues(typeof(SlaKpi)))
        {
            var match = Find(facts, kpi);
            if (match is not null)
            {
                matches.Add(match);
            }
        }

        return matches.AsReadOnly();
    }

    /// <summary>Like <see cref="Find"/>, but a missing target is an error.</summary>
    /// <exception cref="DomainException"><see cref="SlaErrorCodes.NoPolicy"/>.</exception>
    public SlaPolicyMatch Get(SlaRequestFacts facts, SlaKpi kpi) =>
        Find(facts, kpi) ?? throw new DomainException(
            SlaErrorCodes.NoPolicy,
            $"没有适用于 {facts} 的 {kpi} SLA 策略 / No SLA policy defines {kpi} for {facts}.");
}
