using System;
using System.Collections.Generic;
using System.Linq;

namespace PropertyCrm.Domain.Sla;

/// <summary>
/// An SLA policy: which requests it applies to (request type × service line × urgency, optionally owner tier;
/// each criterion may be left open, null = any) and the target for each KPI it defines.
/// </summary>
/// <remarks>
/// A policy need not define both KPIs: a policy for Diamond owners may set only a faster first response and
/// leave resolution to the next most specific policy (see <see cref="SlaPolicySet"/>).
/// </remarks>
public sealed class SlaPolicy
{
    public SlaPolicy(
        string name,
        IEnumerable<SlaTarget> targets,
        RequestType? requestType = null,
        ServiceLine? serviceLine = null,
        Urgency? urgency = null,
        string? ownerTier = null)
    {
        Guard.NotNull(targets, nameof(targets));

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException(SlaErrorCodes.InvalidPolicy, "SLA 策略名称不能为空 / SLA policy name must not be empty.");
        }

        var list = targets.ToArray();
        if (list.Length == 0)
        {
            throw new DomainException(
                SlaErrorCodes.InvalidPolicy,
                $"SLA 策略 '{name}' 没有任何目标 / SLA policy '{name}' defines no target.");
        }

        var duplicate = list.GroupBy(t => t.Kpi).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainException(
                SlaErrorCodes.InvalidPolicy,
                $"SLA 策略 '{name}' 对 {duplicate.Key} 定义了多个目标 / SLA policy '{name}' defines {duplicate.Key} more than once.");
        }

        Name = name;
        Targets = Array.AsReadOnly(list.OrderBy(t => t.Kpi).ToArray());
        RequestType = requestType;
        ServiceLine = serviceLine;
        Urgency = urgency;
        OwnerTier = string.IsNullOrWhiteSpace(ownerTier) ? null : ownerTier!.Trim();
    }

    public string Name { get; }

    /// <summary>Sorted by KPI, at most one per KPI.</summary>
    public IReadOnlyList<SlaTarget> Targets { get; }

    public RequestType? RequestType { get; }

    public ServiceLine? ServiceLine { get; }

    public Urgency? Urgency { get; }

    public string? OwnerTier { get; }

    /// <summary>
    /// Orders matching policies; higher wins. One bit per criterion the policy pins down, weighted
    /// urgency (8) &gt; owner tier (4) &gt; request type (2) &gt; service line (1), so any policy that names the
    /// urgency beats any that does not. That is what keeps emergencies on their 24×7 clock whatever else an admin
    /// configures for the request type or tier; tier outranks type so one policy for Diamond owners applies to
    /// all their requests rather than losing to every per-type default.
    /// </summary>
    public int Specificity =>
        (Urgency.HasValue ? 8 : 0) + (OwnerTier is not null ? 4 : 0) + (RequestType.HasValue ? 2 : 0) + (ServiceLine.HasValue ? 1 : 0);

    public SlaTarget? TargetFor(SlaKpi kpi) => Targets.FirstOrDefault(t => t.Kpi == kpi);

    public bool Matches(SlaRequestFacts facts)
    {
        Guard.NotNull(facts, nameof(facts));

        return (!RequestType.HasValue || RequestType.Value == facts.RequestType)
            && (!ServiceLine.HasValue || ServiceLine.Value == facts.ServiceLine)
            && (!Urgency.HasValue || Urgency.Value == facts.Urgency)
            && (OwnerTier is null || facts.HasTier(OwnerTier));
    }

    /// <summary>The criteria as text, e.g. "Repair/*/Emergency/*"; two policies with equal keys are ambiguous.</summary>
    public string CriteriaKey =>
        $"{(RequestType?.ToString() ?? "*")}/{(ServiceLine?.ToString() ?? "*")}/{(Urgency?.ToString() ?? "*")}/{(OwnerTier?.ToUpperInvariant() ?? "*")}";

    public override string ToString() => $"{Name} [{CriteriaKey}]";
}
