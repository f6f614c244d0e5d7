using System;
using System.Linq;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Lifecycle;
using PropertyCrm.Domain.Loyalty;
using PropertyCrm.Domain.Loyalty.Tiers;
using PropertyCrm.Domain.Tags;

namespace PropertyCrm.Tests.Domain.Tags;

public sealed class OwnerTagPolicyTests
{
    private static readonly ChinaDate Day = ChinaDate.Parse("2026-07-20");

    private static readonly ChinaDate LongAgo = ChinaDate.Parse("2020-01-10");

    public static TheoryData<string, OwnerTagFacts, OwnerTagRule, bool> Cases => new()
    {
        { "new move-in stage", Facts() with { Stage = LifecycleStage.NewMoveIn }, OwnerTagRule.NewMoveIn, true },
        { "stable stage", Facts() with { Stage = LifecycleStage.Stable }, OwnerTagRule.NewMoveIn, false },
        { "owner turned 60 today", Facts() with { BirthDate = ChinaDate.Parse("1966-07-20") }, OwnerTagRule.ElderlyHousehold, true },
        { "owner 60 tomorrow", Facts() with { BirthDate = ChinaDate.Parse("1966-07-21") }, OwnerTagRule.ElderlyHousehold, false },
        { "senior member living here", Facts() with { Members = new[] { new HouseholdMemberFact(MemberAgeBand.Senior, true) } }, OwnerTagRule.ElderlyHousehold, true },
        { "senior member elsewhere", Facts() with { Members = new[] { new HouseholdMemberFact(MemberAgeBand.Senior, false) } }, OwnerTagRule.ElderlyHousehold, false },
        { "infant band living here", Facts() with { Members = new[] { new HouseholdMemberFact(MemberAgeBand.Infant, true) } }, OwnerTagRule.Infant, true },
        { "birth date says 4 today", Facts() with { Members = new[] { new HouseholdMemberFact(MemberAgeBand.Infant, true, ChinaDate.Parse("2022-07-20")) } }, OwnerTagRule.Infant, false },
        { "birth date says 3", Facts() with { Members = new[] { new HouseholdMemberFact(MemberAgeBand.Child, true, ChinaDate.Parse("2022-07-21")) } }, OwnerTagRule.Infant, true },
        { "household newborn", Facts() with { NewbornOn = ChinaDate.Parse("2026-05-01") }, OwnerTagRule.Infant, true },
        { "tenant", Facts() with { IsTenant = true }, OwnerTagRule.Tenant, true },
        { "on time and took part", Facts() with { OnTimeRatio = 0.9m, CheckIns = new[] { Day.AddDays(-30) } }, OwnerTagRule.HighValue, true },
        { "on time, no event in a year", Facts() with { OnTimeRatio = 1m, CheckIns = new[] { Day.AddDays(-365) } }, OwnerTagRule.HighValue, false },
        { "took part, 0.89 on time", Facts() with { OnTimeRatio = 0.89m, CheckIns = new[] { Day } }, OwnerTagRule.HighValue, false },
        { "on time but now in arrears", Facts() with { OnTimeRatio = 0.95m, InArrears = true, CheckIns = new[] { Day } }, OwnerTagRule.HighValue, false },
        { "two complaints in 180 days", Facts() with { Requests = new[] { Complaint(-10), Complaint(-179) } }, OwnerTagRule.ComplaintSensitive, true },
        { "second complaint 180 days ago", Facts() with { Requests = new[] { Complaint(-10), Complaint(-180) } }, OwnerTagRule.ComplaintSensitive, false },
        { "two repairs", Facts() with { Requests = new[] { new ServiceRequestFact(Day, true), new ServiceRequestFact(Day, true) } }, OwnerTagRule.ComplaintSensitive, false },
        { "in arrears", Facts() with { InArrears = true }, OwnerTagRule.InArrears, true },
        { "three check-ins", Facts() with { CheckIns = new[] { Day, Day.AddDays(-100), Day.AddDays(-364) } }, OwnerTagRule.ActiveParticipant, true },
        { "two check-ins", Facts() with { CheckIns = new[] { Day, Day.AddDays(-100) } }, OwnerTagRule.ActiveParticipant, false },
        { "quiet half a year", Facts(), OwnerTagRule.Dormant, true },
        { "request 179 days ago", Facts() with { Requests = new[] { new ServiceRequestFact(Day.AddDays(-179), false) } }, OwnerTagRule.Dormant, false },
        { "suggestion last month", Facts() with { Suggestions = new[] { Day.AddDays(-30) } }, OwnerTagRule.Dormant, false },
        { "moved in 100 days ago", Facts() with { MoveInOn = Day.AddDays(-100) }, OwnerTagRule.Dormant, false },
        { "churn-risk flag", Facts() with { ChurnRisk = true }, OwnerTagRule.ChurnRisk, true },
        { "diamond", Facts() with { Tier = OwnerTier.Diamond }, OwnerTagRule.Diamond, true },
        { "gold", Facts() with { Tier = OwnerTier.Gold }, OwnerTagRule.Diamond, false },
        { "two adopted this year", Facts() with { AdoptedSuggestions = new[] { Day.AddDays(-1), Day.AddDays(-300) } }, OwnerTagRule.OpinionLeader, true },
        { "one adopted this year", Facts() with { AdoptedSuggestions = new[] { Day.AddDays(-1), Day.AddDays(-400) } }, OwnerTagRule.OpinionLeader, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_Case_RuleHoldsAsExpected(string description, OwnerTagFacts facts, OwnerTagRule rule, bool holds)
    {
        Assert.True(holds == OwnerTagPolicy.Default.Evaluate(facts).Contains(rule), description);
    }

    [Fact]
    public void Reconcile_HoldingAndCurrent_AddsMissingRemovesStaleLeavesUnmanaged()
    {
        var change = OwnerTagPolicy.Reconcile(
            holding: new[] { OwnerTagRule.Diamond, OwnerTagRule.Tenant, OwnerTagRule.InArrears },
            current: new[] { OwnerTagRule.Diamond, OwnerTagRule.Dormant, OwnerTagRule.ChurnRisk },
            managed: OwnerTagCatalog.All.Select(d => d.Rule).Where(r => r != OwnerTagRule.InArrears && r != OwnerTagRule.ChurnRisk));

        Assert.Equal(new[] { OwnerTagRule.Tenant }, change.Add);
        Assert.Equal(new[] { OwnerTagRule.Dormant }, change.Remove);
    }

    [Fact]
    public void Reconcile_SameSets_Empty()
    {
        var all = OwnerTagCatalog.All.Select(d => d.Rule).ToList();

        Assert.True(OwnerTagPolicy.Reconcile(new[] { OwnerTagRule.Diamond }, new[] { OwnerTagRule.Diamond }, all).IsEmpty);
    }

    [Fact]
    public void Catalog_TwelveRulesWithDistinctCodesAndBothNames()
    {
        Assert.Equal(12, OwnerTagCatalog.All.Count);
        Assert.Equal(Enum.GetValues(typeof(OwnerTagRule)).Length, OwnerTagCatalog.All.Select(d => d.Rule).Distinct().Count());
        Assert.Equal(12, OwnerTagCatalog.All.Select(d => d.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(OwnerTagCatalog.All, d => Assert.True(d.Code.Length <= 100 && d.ChineseName.Length > 0 && d.EnglishName.Length > 0));
        Assert.Same(OwnerTagCatalog.Of(OwnerTagRule.Tenant), OwnerTagCatalog.ByCode(" TENANT "));
    }

    [Fact]
    public void Rules_Invalid_RefusedBilingually()
    {
        var fault = Assert.Throws<DomainException>(() => new OwnerTagPolicy(OwnerTagRules.Default with { ActiveCheckInsAtLeast = 0 }));

        Assert.Equal(OwnerTagErrorCodes.InvalidRules, fault.Code);
        Assert.Contains(" / ", fault.Message, StringComparison.Ordinal);
    }

    private static OwnerTagFacts Facts() => new(Day) { MoveInOn = LongAgo };

    private static ServiceRequestFact Complaint(int days) => new(Day.AddDays(days), false, IsComplaint: true);
}
