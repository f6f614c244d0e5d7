using System.Linq;
using PropertyCrm.Domain.Lifecycle;
using static PropertyCrm.Tests.Domain.Lifecycle.LifecycleFixtures;
using static PropertyCrm.Tests.Domain.Loyalty.LoyaltyFixtures;

namespace PropertyCrm.Tests.Domain.Lifecycle;

public sealed class LifeEventPlannerTests
{
    [Theory]
    [InlineData("2026-06-01", "2026-06-02", true)]
    [InlineData("2026-05-01", "2026-06-01", false)]
    [InlineData("2026-06-02", "2026-07-01", false)]
    public void Plan_MoveInDateInRange_WelcomeVisitOnDayOne(string from, string toExclusive, bool expected)
    {
        var facts = Owner("2026-06-01", "2026-06-01");

        var actions = LifeEventPlanner.Plan(facts, D(from), D(toExclusive));

        var visit = actions.SingleOrDefault(a => a.Kind == SuggestedActionKind.MoveInWelcomeVisit);
        Assert.Equal(expected, visit is not null);
        if (visit is not null)
        {
            Assert.Equal(D("2026-06-01"), visit.DueOn);
            Assert.Equal(StaffRole.ServiceCentreManager, visit.Role);
        }
    }

    [Theory]
    [InlineData("1966-07-15", "2026-07-01", "2026-08-01", "2026-07-15")]
    [InlineData("1966-07-15", "2026-07-15", "2026-07-16", "2026-07-15")]
    [InlineData("1966-07-15", "2026-07-16", "2026-08-01", null)]
    [InlineData("1967-07-15", "2026-07-01", "2026-08-01", null)]
    [InlineData("1968-02-29", "2028-02-01", "2028-03-01", "2028-02-29")]
    [InlineData("1964-02-29", "2024-02-01", "2024-03-01", "2024-02-29")]
    [InlineData("1965-03-01", "2025-02-01", "2025-03-02", "2025-03-01")]
    public void Plan_SixtiethBirthdayInRange_VisitOnTheBirthday(string birthDate, string from, string toExclusive, string? expected)
    {
        var facts = Owner("2020-01-10", "2026-06-30") with { BirthDate = D(birthDate) };

        var actions = LifeEventPlanner.Plan(facts, D(from), D(toExclusive));

        var visit = actions.SingleOrDefault(a => a.Kind == SuggestedActionKind.MilestoneBirthdayVisit);
        Assert.Equal(OptionalDate(expected), visit?.DueOn);
    }

    [Fact]
    public void Plan_LeapDayBirthdayWhoseSixtiethIsInACommonYear_VisitOnTwentyEighthFebruary()
    {
        var facts = Owner("2020-01-10", "2026-06-30") with { BirthDate = D("2040-02-29") };

        var actions = LifeEventPlanner.Plan(facts, D("2100-02-01"), D("2100-03-01"));

        Assert.Equal(D("2100-02-28"), Assert.Single(actions).DueOn);
    }

    [Fact]
    public void Plan_MovedOutBeforeTheBirthday_NoVisit()
    {
        var facts = Owner("2020-01-10", "2026-06-30", moveOut: "2026-05-01") with { BirthDate = D("1966-07-15") };

        Assert.Empty(LifeEventPlanner.Plan(facts, D("2026-07-01"), D("2026-08-01")));
    }

    [Theory]
    [InlineData("1956-07-15", "2026-07-01", "2026-08-01", "2026-07-15")]
    [InlineData("1946-03-02", "2026-03-01", "2026-04-01", "2026-03-02")]
    [InlineData("1961-07-15", "2026-07-01", "2026-08-01", null)]
    public void Plan_LaterRoundBirthday_VisitOnTheBirthday(string birthDate, string from, string toExclusive, string? expected)
    {
        var facts = Owner("2020-01-10", "2026-06-30") with { BirthDate = D(birthDate) };

        var actions = LifeEventPlanner.Plan(facts, D(from), D(toExclusive));

        Assert.Equal(OptionalDate(expected), actions.SingleOrDefault(a => a.Kind == SuggestedActionKind.MilestoneBirthdayVisit)?.DueOn);
    }

    [Theory]
    [InlineData(SuggestedActionKind.MoveInWelcomeVisit, "2026-06-01")]
    [InlineData(SuggestedActionKind.RenovationAssistance, "2026-06-07")]
    [InlineData(SuggestedActionKind.NeighbourIntroduction, "2026-06-30")]
    [InlineData(SuggestedActionKind.CommunityEventInvitation, "2026-07-30")]
    public void Plan_NewMoveInSequence_EachStepOnItsDay(SuggestedActionKind kind, string expected)
    {
        var facts = Owner("2026-06-01", "2026-06-01");

        var actions = LifeEventPlanner.Plan(facts, D("2026-06-01"), D("2026-09-01"));

        Assert.Equal(D(expected), Assert.Single(actions, a => a.Kind == kind).DueOn);
        Assert.Equal(4, actions.Count);
    }

    [Fact]
    public void Plan_NewbornInTheHousehold_VisitAtOneMonth()
    {
        var facts = Owner("2020-01-10", "2026-06-30") with { NewbornOn = D("2026-05-20") };

        var visit = Assert.Single(LifeEventPlanner.Plan(facts, D("2026-06-01"), D("2026-07-01")));

        Assert.Equal(SuggestedActionKind.NewbornVisit, visit.Kind);
        Assert.Equal(D("2026-06-19"), visit.DueOn);
    }

    [Theory]
    [InlineData(null, "2026-06-02,2026-06-09,2026-06-16,2026-06-23,2026-06-30")]
    [InlineData(14, "2026-06-02,2026-06-16,2026-06-30")]
    public void Plan_LivingAlone_CheckInCallEveryIntervalFromMoveIn(int? interval, string expected)
    {
        var facts = Owner("2026-05-05", "2026-06-30") with { LivesAlone = true, CheckInIntervalDays = interval };

        var calls = LifeEventPlanner.Plan(facts, D("2026-06-01"), D("2026-07-01")).Where(a => a.Kind == SuggestedActionKind.LivingAloneCheckIn);

        Assert.Equal(expected.Split(',').Select(D), calls.Select(c => c.DueOn));
    }
}
