using System.Collections.Generic;

namespace PropertyCrm.Domain.Sla;

/// <summary>
/// The urgency a request gets and why: the keywords found, and whether an agent's choice overrode them
/// (kept even when overridden, so quality reviews can see "漏水 was mentioned but the agent chose Normal").
/// </summary>
public sealed class UrgencyAssessment
{
    public UrgencyAssessment(Urgency urgency, Urgency detected, IReadOnlyList<UrgencyKeyword> matches, bool isOverride)
    {
        Urgency = urgency;
        Detected = detected;
        Matches = matches;
        IsOverride = isOverride;
    }

    /// <summary>The urgency to use.</summary>
    public Urgency Urgency { get; }

    /// <summary>What the text alone suggested.</summary>
    public Urgency Detected { get; }

    /// <summary>Every keyword found, most urgent first.</summary>
    public IReadOnlyList<UrgencyKeyword> Matches { get; }

    /// <summary>True when an agent's choice decided <see cref="Urgency"/>.</summary>
    public bool IsOverride { get; }
}
