using System;
using System.Collections.Generic;
using PropertyCrm.Domain.Lifecycle;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Tiers;

namespace PropertyCrm.Domain.Tags;

/// <summary>What the tag rules read of one owner on one day: the owner's own figures (stage, churn risk, tier, fee standing as the loyalty steps and the lifecycle review keep them on the contact), plus the household's members, tenancies, event check-ins and suggestions.</summary>
public sealed record OwnerTagFacts
{
    public OwnerTagFacts(ChinaDate day)
    {
        Day = day;
    }

    /// <summary>The day the tags are for (China date).</summary>
    public ChinaDate Day { get; }

    /// <summary>The lifecycle stage the daily review wrote; null when never reviewed.</summary>
    public LifecycleStage? Stage { get; init; }

    /// <summary>The lifecycle review's churn-risk flag.</summary>
    public bool ChurnRisk { get; init; }

    public OwnerTier? Tier { get; init; }

    /// <summary>Share of bills paid on time in the last 12 months (0–1); null when no bill fell due.</summary>
    public decimal? OnTimeRatio { get; init; }

    /// <summary>In arrears (欠费): a bill month is overdue and unpaid.</summary>
    public bool InArrears { get; init; }

    /// <summary>The move-in date; null for an owner not (yet) living anywhere.</summary>
    public ChinaDate? MoveInOn { get; init; }

    /// <summary>The owner's birth date (household, else contact).</summary>
    public ChinaDate? BirthDate { get; init; }

    /// <summary>The household's newborn date (a minor's data).</summary>
    public ChinaDate? NewbornOn { get; init; }

    /// <summary>The active members of the owner's household.</summary>
    public IReadOnlyList<HouseholdMemberFact> Members { get; init; } = Array.Empty<HouseholdMemberFact>();

    /// <summary>A current occupancy as 租户 tenant.</summary>
    public bool IsTenant { get; init; }

    /// <summary>Service requests opened in the rules' window (the care planner's read, complaints marked).</summary>
    public IReadOnlyList<ServiceRequestFact> Requests { get; init; } = Array.Empty<ServiceRequestFact>();

    /// <summary>The days the owner checked in at a community event (签到).</summary>
    public IReadOnlyList<ChinaDate> CheckIns { get; init; } = Array.Empty<ChinaDate>();

    /// <summary>The days the owner made a suggestion (建议).</summary>
    public IReadOnlyList<ChinaDate> Suggestions { get; init; } = Array.Empty<ChinaDate>();

    /// <summary>The days the owner's suggestions were adopted (采纳).</summary>
    public IReadOnlyList<ChinaDate> AdoptedSuggestions { get; init; } = Array.Empty<ChinaDate>();
}
