using System.Linq;
using PropertyCrm.Domain.Lifecycle;
using static PropertyCrm.Tests.Domain.Lifecycle.LifecycleFixtures;
using static PropertyCrm.Tests.Domain.Loyalty.LoyaltyFixtures;

namespace PropertyCrm.Tests.Domain.Lifecycle;

public sealed class CarePlannerTests
{
    private static readonly CarePolicy Policy = new(CareRules.Default);

    [Theory]
    [InlineData("2026-07-12", true)]
    [InlineData("2026-07-15", true)]
    [InlineData("2026-07-22", true)]
    [InlineData("2026-07-23", false)]
    [InlineData("2026-07-11", false)]
    public void Plan_BirthdayWithinLeadOrCatchUpDays_PlannedWithTheBirthdayAsOccasion(string asOf, bool expected)
    {
        var facts = Owner("2020-01-10", asOf, requests: "2026-06-01") with { BirthDate = D("1966-07-15") };

        var plan = CarePlanner.Plan(facts, LifecycleStage.Stable, null, D(asOf), LifeEventRules.Default, Policy);

        var visit = plan.SingleOrDefault(o => o.Action.Kind == SuggestedActionKind.MilestoneBirthdayVisit);
        Assert.Equal(expected, visit is not null);
        if (visit is not null)
        {
            Assert.Equal(D("2026-07-15"), visit.OccasionOn);
        }
    }

    [Fact]
    public void Plan_LivingAloneAfterAMissedWeek_OnlyTheLatestCall()
    {
        var facts = Owner("2026-05-05", "2026-06-10", requests: "2026-06-01") with { LivesAlone = true };

        var calls = CarePlanner.Plan(facts, LifecycleStage.NewMoveIn, null, D("2026-06-10"), LifeEventRules.Default, Policy)
            .Where(o => o.Action.Kind == SuggestedActionKind.LivingAloneCheckIn)
            .ToList();

        Assert.Equal(D("2026-06-09"), Assert.Single(calls).OccasionOn);
    }

    [Fact]
    public void Plan_ChurnRisk_RetentionOccasionIsTheDayTheRiskBegan()
    {
        var facts = Owner("2024-01-10", "2026-06-10", requests: "2026-06-01");

        var plan = CarePlanner.Plan(facts, LifecycleStage.ChurnRisk, D("2026-05-15"), D("2026-06-10"), LifeEventRules.Default, Policy);

        Assert.Equal(D("2026-05-15"), Assert.Single(plan, o => o.Action.Kind == SuggestedActionKind.RetentionContact).OccasionOn);
    }

    [Fact]
    public void Plan_InArrearsAndQuiet_CarePlanOncePerMonth()
    {
        var facts = Owner("2024-01-10", "2026-06-20", unpaid: "2026-04,2026-05");

        var early = CarePlanner.Plan(facts, LifecycleStage.Stable, null, D("2026-06-02"), LifeEventRules.Default, Policy);
        var late = CarePlanner.Plan(facts, LifecycleStage.Stable, null, D("2026-06-20"), LifeEventRules.Default, Policy);

        var first = Assert.Single(early, o => o.Action.Kind == SuggestedActionKind.CarePlan);
        var second = Assert.Single(late, o => o.Action.Kind == SuggestedActionKind.CarePlan);
        Assert.Equal(first.Key("o"), second.Key("o"));
        Assert.Equal("o|2|20260601", first.Key("o"));
    }
}
