using System.Linq;
using PropertyCrm.Domain.Lifecycle;
using static PropertyCrm.Tests.Domain.Lifecycle.LifecycleFixtures;
using static PropertyCrm.Tests.Domain.Loyalty.LoyaltyFixtures;

namespace PropertyCrm.Tests.Domain.Lifecycle;

public sealed class CarePolicyTests
{
    private static readonly CarePolicy Policy = new(CareRules.Default);

    [Theory]
    [InlineData("", "2026-04-10,2026-05-10,2026-06-10", true)]
    [InlineData("", "2026-04-01,2026-05-10,2026-06-10", false)]
    [InlineData("", "2026-04-02,2026-05-10,2026-06-10", true)]
    [InlineData("", "2026-05-10,2026-06-10", false)]
    [InlineData("2026-06", "2026-04-10,2026-05-10,2026-06-10", false)]
    public void Suggest_OnTimePayerWithFrequentRepairs_SuggestsMaintenanceReminderToday(string unpaid, string repairs, bool expected)
    {
        var facts = Owner("2025-01-10", "2026-06-30", unpaid, repairs);

        var actions = Policy.Suggest(facts, LifecycleStage.Stable, D("2026-06-30"));

        var reminder = actions.SingleOrDefault(a => a.Kind == SuggestedActionKind.MaintenanceReminder);
        Assert.Equal(expected, reminder is not null);
        if (reminder is not null)
        {
            Assert.Equal(D("2026-06-30"), reminder.DueOn);
            Assert.Equal(StaffRole.Butler, reminder.Role);
        }
    }

    [Theory]
    [InlineData("2026-05", "", 0, true)]
    [InlineData("2026-05", "2026-06-01", 0, true)]
    [InlineData("2026-05", "2026-06-01", 1, false)]
    [InlineData("2026-05", "2026-01-01,2026-06-01", 0, true)]
    [InlineData("", "", 0, false)]
    public void Suggest_InArrearsAndQuiet_SuggestsCarePlanWithinAWeek(string unpaid, string requests, int activities, bool expected)
    {
        var facts = Owner("2025-01-10", "2026-06-30", unpaid, requests) with
        {
            ActivityDates = Enumerable.Repeat(D("2026-05-20"), activities).ToArray(),
        };

        var actions = Policy.Suggest(facts, LifecycleStage.Stable, D("2026-06-30"));

        var plan = actions.SingleOrDefault(a => a.Kind == SuggestedActionKind.CarePlan);
        Assert.Equal(expected, plan is not null);
        if (plan is not null)
        {
            Assert.Equal(D("2026-07-07"), plan.DueOn);
            Assert.Equal(LifecycleReasonCodes.CarePlan, plan.ReasonCode);
        }
    }

    [Fact]
    public void Suggest_ChurnRiskStage_SuggestsRetentionContactWithinTwoDays()
    {
        var facts = Owner("2025-01-10", "2026-06-30", requests: "2026-06-01");

        var actions = Policy.Suggest(facts, LifecycleStage.ChurnRisk, D("2026-06-30"));

        var contact = Assert.Single(actions);
        Assert.Equal(SuggestedActionKind.RetentionContact, contact.Kind);
        Assert.Equal(D("2026-07-02"), contact.DueOn);
    }

    [Fact]
    public void Suggest_MovedOut_SuggestsNothing()
    {
        var facts = Owner("2025-01-10", "2026-06-30", "2026-05", moveOut: "2026-06-01");

        Assert.Empty(Policy.Suggest(facts, LifecycleStage.Churned, D("2026-06-30")));
    }
}
