using System.Collections.Generic;
using System.Linq;
using PropertyCrm.Domain.Lifecycle;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Tiers;

namespace PropertyCrm.Domain.Tags;

/// <summary>
/// The owner tag rules: which of the 12 rule tags hold for an owner on a day (<see cref="Evaluate"/>), and what the owner's
/// rule tags must become (<see cref="Reconcile"/>). Pure and clock-free: the day comes in the facts.
/// </summary>
public sealed class OwnerTagPolicy
{
    public OwnerTagPolicy(OwnerTagRules rules)
    {
        Rules = Guard.NotNull(rules, nameof(rules)).Validate();
    }

    public static OwnerTagPolicy Default { get; } = new(OwnerTagRules.Default);

    public OwnerTagRules Rules { get; }

    /// <summary>The rule tags that hold, in catalog order.</summary>
    public IReadOnlyList<OwnerTagRule> Evaluate(OwnerTagFacts facts)
    {
        Guard.NotNull(facts, nameof(facts));
        return OwnerTagCatalog.All.Select(d => d.Rule).Where(r => Holds(r, facts)).ToList();
    }

    /// <summary>
    /// From the rule tags the owner has (<paramref name="current"/>) to those that hold: what to add and what to remove.
    /// Only rules in <paramref name="managed"/> are touched (a rule tag an admin deactivated is neither added nor removed);
    /// hand tags never reach this method.
    /// </summary>
    public static OwnerTagChange Reconcile(IEnumerable<OwnerTagRule> holding, IEnumerable<OwnerTagRule> current, IEnumerable<OwnerTagRule> managed)
    {
        var managedSet = new HashSet<OwnerTagRule>(managed);
        var want = new HashSet<OwnerTagRule>(holding.Where(managedSet.Contains));
        var have = new HashSet<OwnerTagRule>(current.Where(managedSet.Contains));
        return new OwnerTagChange(
            OwnerTagCatalog.All.Select(d => d.Rule).Where(r => want.Contains(r) && !have.Contains(r)).ToList(),
            OwnerTagCatalog.All.Select(d => d.Rule).Where(r => have.Contains(r) && !want.Contains(r)).ToList());
    }

    private bool Holds(OwnerTagRule rule, OwnerTagFacts facts) => rule switch
    {
        OwnerTagRule.NewMoveIn => facts.Stage == LifecycleStage.NewMoveIn,
        OwnerTagRule.ElderlyHousehold => IsElderlyHousehold(facts),
        OwnerTagRule.Infant => HasInfant(facts),
        OwnerTagRule.Tenant => facts.IsTenant,
        OwnerTagRule.HighValue => facts.OnTimeRatio is decimal ratio
            && ratio >= Rules.HighValueOnTimeRatioAtLeast
            && !facts.InArrears
            && CountSince(facts.CheckIns, facts.Day, Rules.EngagementWindowDays) >= System.Math.Max(1, Rules.HighValueCheckInsAtLeast),
        OwnerTagRule.ComplaintSensitive => facts.Requests.Count(r => r.IsComplaint && InWindow(r.OpenedOn, facts.Day, Rules.ComplaintWindowDays)) >= Rules.ComplaintsAtLeast,
        OwnerTagRule.InArrears => facts.InArrears,
        OwnerTagRule.ActiveParticipant => CountSince(facts.CheckIns, facts.Day, Rules.EngagementWindowDays) >= Rules.ActiveCheckInsAtLeast,
        OwnerTagRule.Dormant => IsDormant(facts),
        OwnerTagRule.ChurnRisk => facts.ChurnRisk,
        OwnerTagRule.Diamond => facts.Tier == OwnerTier.Diamond,
        OwnerTagRule.OpinionLeader => CountSince(facts.AdoptedSuggestions, facts.Day, Rules.EngagementWindowDays) >= Rules.OpinionLeaderAdoptedAtLeast,
        _ => false,
    };

    private bool IsElderlyHousehold(OwnerTagFacts facts) =>
        IsAtLeast(facts.BirthDate, Rules.ElderlyAge, facts.Day)
        || facts.Members.Any(m => m.LivesHere && (m.BirthDate is ChinaDate born ? IsAtLeast(born, Rules.ElderlyAge, facts.Day) : m.AgeBand == MemberAgeBand.Senior));

    // A recorded birth date wins over the band (a band typed three years ago has not aged with the child); the household's
    // newborn date counts as an infant member.
    private bool HasInfant(OwnerTagFacts facts) =>
        IsYoungerThan(facts.NewbornOn, Rules.InfantBelowAge, facts.Day)
        || facts.Members.Any(m => m.LivesHere && (m.BirthDate is ChinaDate born ? IsYoungerThan(born, Rules.InfantBelowAge, facts.Day) : m.AgeBand == MemberAgeBand.Infant));

    private bool IsDormant(OwnerTagFacts facts)
    {
        var since = facts.Day.AddDays(-Rules.DormantAfterDays);
        return facts.MoveInOn is ChinaDate moveIn && moveIn <= since
            && !facts.Requests.Any(r => r.OpenedOn > since && r.OpenedOn <= facts.Day)
            && !facts.CheckIns.Any(d => d > since && d <= facts.Day)
            && !facts.Suggestions.Any(d => d > since && d <= facts.Day);
    }

    private static bool IsAtLeast(ChinaDate? born, int years, ChinaDate day) => born is ChinaDate b && b.AddYears(years) <= day;

    private static bool IsYoungerThan(ChinaDate? born, int years, ChinaDate day) => born is ChinaDate b && b <= day && day < b.AddYears(years);

    private static bool InWindow(ChinaDate date, ChinaDate day, int days) => date > day.AddDays(-days) && date <= day;

    private static int CountSince(IReadOnlyList<ChinaDate> dates, ChinaDate day, int days) => dates.Count(d => InWindow(d, day, days));
}
