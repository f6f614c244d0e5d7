using System;
using System.Linq;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Lifecycle;
using static PropertyCrm.Tests.Domain.Lifecycle.LifecycleFixtures;
using static PropertyCrm.Tests.Domain.Loyalty.LoyaltyFixtures;

namespace PropertyCrm.Tests.Domain.Lifecycle;

public sealed class LifecyclePolicyTests
{
    private static readonly LifecyclePolicy Policy = new(LifecycleRules.Default);

    [Theory]
    [InlineData("2026-01-10", "2026-01-10", "", "", null, LifecycleStage.NewMoveIn, "2026-01-10", LifecycleReasonCodes.NewMoveIn)]
    [InlineData("2026-01-10", "2026-04-09", "", "2026-03-01", null, LifecycleStage.NewMoveIn, "2026-01-10", LifecycleReasonCodes.NewMoveIn)]
    [InlineData("2026-01-10", "2026-04-10", "", "2026-03-01", null, LifecycleStage.Stable, "2026-04-10", LifecycleReasonCodes.Stable)]
    [InlineData("2025-01-10", "2026-06-30", "", "2026-05-01", null, LifecycleStage.Stable, "2025-04-10", LifecycleReasonCodes.Stable)]
    [InlineData("2025-01-10", "2026-06-30", "2026-03,2026-04,2026-05", "2026-05-01", null, LifecycleStage.ChurnRisk, "2026-05-16", LifecycleReasonCodes.ChurnRisk)]
    [InlineData("2025-01-10", "2026-06-30", "2026-03,2026-05", "2026-05-01", null, LifecycleStage.Stable, "2025-04-10", LifecycleReasonCodes.Stable)]
    [InlineData("2025-01-10", "2026-06-30", "", "2025-12-31", null, LifecycleStage.ChurnRisk, "2026-06-30", LifecycleReasonCodes.ChurnRisk)]
    [InlineData("2025-01-10", "2026-06-29", "", "2025-12-31", null, LifecycleStage.Stable, "2025-04-10", LifecycleReasonCodes.Stable)]
    [InlineData("2025-01-10", "2025-07-10", "", "", null, LifecycleStage.ChurnRisk, "2025-07-10", LifecycleReasonCodes.ChurnRisk)]
    [InlineData(
        "2025-01-10",
        "2026-06-30",
        "2025-12,2026-01,2026-02,2026-03,2026-04,2026-05",
        "2026-05-01",
        null,
        LifecycleStage.Churned,
        "2026-05-16",
        LifecycleReasonCodes.ChurnedUnpaid)]
    [InlineData("2025-01-10", "2026-06-30", "", "2026-05-01", "2026-06-01", LifecycleStage.Churned, "2026-06-01", LifecycleReasonCodes.ChurnedMovedOut)]
    [InlineData("2026-01-10", "2026-02-01", "", "", "2026-02-01", LifecycleStage.Churned, "2026-02-01", LifecycleReasonCodes.ChurnedMovedOut)]
    public void Assess_FirstTime_StageAndTheDateItBegan(
        string moveIn,
        string asOf,
        string unpaid,
        string requests,
        string? moveOut,
        LifecycleStage expected,
        string expectedSince,
        string expectedCode)
    {
        var assessment = Policy.Assess(Owner(moveIn, asOf, unpaid, requests, moveOut), null, D(asOf));

        Assert.Equal(expected, assessment.Status.Stage);
        Assert.Equal(D(expectedSince), assessment.Status.StageSince);
        Assert.Equal(expectedCode, assessment.ReasonCode);
        var change = assessment.Changes.Last(c => c.Kind == LifecycleChangeKind.StageChanged);
        Assert.Equal(expected, change.ToStage);
        Assert.Equal(D(expectedSince), change.On);
    }

    [Theory]
    [InlineData("2026-03,2026-04,2026-05", "2026-05-01", ChurnRiskFlagKind.ConsecutiveUnpaidMonths, "2026-05-16")]
    [InlineData("", "2025-12-31", ChurnRiskFlagKind.NoRecentServiceRequest, "2026-06-30")]
    public void Assess_SignalUp_RaisesFlagDatedWhenItsConditionBecameTrue(string unpaid, string requests, ChurnRiskFlagKind kind, string raisedOn)
    {
        var assessment = Policy.Assess(Owner("2025-01-10", "2026-06-30", unpaid, requests), null, D("2026-06-30"));

        var flag = Assert.Single(assessment.Status.Flags);
        Assert.Equal(kind, flag.Kind);
        Assert.Equal(D(raisedOn), flag.RaisedOn);
        Assert.Contains(assessment.Changes, c => c.Kind == LifecycleChangeKind.FlagRaised && c.Flag == kind && c.On == D(raisedOn));
    }

    [Fact]
    public void Assess_BothSignals_ChurnRiskDatedByTheEarlierFlagAndReasonQuotesBoth()
    {
        var assessment = Policy.Assess(Owner("2025-01-10", "2026-06-30", "2026-03,2026-04,2026-05", "2025-10-01"), null, D("2026-06-30"));

        Assert.Equal(LifecycleStage.ChurnRisk, assessment.Status.Stage);
        Assert.Equal(2, assessment.Status.Flags.Count);
        Assert.Equal(D("2026-04-01"), assessment.Status.StageSince);
        Assert.StartsWith("流失风险:连续 3 个月未缴费;6 个月内无报事记录", assessment.Reason, StringComparison.Ordinal);
        Assert.Contains(" / Churn risk: 3 consecutive months unpaid. No service request in 6 months", assessment.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_NewMoveInBecomesStable_ChangeDatedDayNinetyOne()
    {
        var previous = Status(LifecycleStage.NewMoveIn, "2026-01-10");

        var assessment = Policy.Assess(Owner("2026-01-10", "2026-05-02", requests: "2026-03-01"), previous, D("2026-05-02"));

        var change = Assert.Single(assessment.Changes);
        Assert.Equal(LifecycleStage.NewMoveIn, change.FromStage);
        Assert.Equal(LifecycleStage.Stable, change.ToStage);
        Assert.Equal(D("2026-04-10"), change.On);
        Assert.Equal(D("2026-04-10"), assessment.Status.StageSince);
    }

    [Fact]
    public void Assess_StableOwnerStopsPaying_ChurnRiskDatedWhenTheThirdMonthFellOverdue()
    {
        var previous = Status(LifecycleStage.Stable, "2025-04-10");

        var assessment = Policy.Assess(Owner("2025-01-10", "2026-06-30", "2026-03,2026-04,2026-05", "2026-05-01"), previous, D("2026-06-30"));

        Assert.Equal(LifecycleStage.ChurnRisk, assessment.Status.Stage);
        Assert.Equal(D("2026-05-16"), assessment.Status.StageSince);
        Assert.Equal(
            new[] { LifecycleChangeKind.FlagRaised, LifecycleChangeKind.StageChanged },
            assessment.Changes.Select(c => c.Kind));
    }

    [Fact]
    public void Assess_AtRiskOwnerPaysUp_StableFromThePaymentDateAndFlagCleared()
    {
        var flag = new ChurnRiskFlag(ChurnRiskFlagKind.ConsecutiveUnpaidMonths, D("2026-05-16"), "连续 3 个月未缴费 / 3 consecutive months unpaid.");
        var previous = Status(LifecycleStage.ChurnRisk, "2026-05-16", flag);

        // Every bill paid on its due date, so the latest payment is the June bill on 2026-06-15.
        var assessment = Policy.Assess(Owner("2025-01-10", "2026-06-30", requests: "2026-05-01"), previous, D("2026-06-30"));

        Assert.Equal(LifecycleStage.Stable, assessment.Status.Stage);
        Assert.Equal(D("2026-06-15"), assessment.Status.StageSince);
        var cleared = Assert.Single(assessment.Changes, c => c.Kind == LifecycleChangeKind.FlagCleared);
        Assert.Equal(D("2026-06-15"), cleared.On);
    }

    [Fact]
    public void Assess_QuietOwnerFilesARequest_StableFromTheRequestDate()
    {
        var flag = new ChurnRiskFlag(ChurnRiskFlagKind.NoRecentServiceRequest, D("2026-06-30"), "6 个月内无报事记录 / No service request in 6 months.");
        var previous = Status(LifecycleStage.ChurnRisk, "2026-06-30", flag);

        var assessment = Policy.Assess(Owner("2025-01-10", "2026-07-20", requests: "2025-12-31,2026-07-05"), previous, D("2026-07-20"));

        Assert.Equal(LifecycleStage.Stable, assessment.Status.Stage);
        Assert.Equal(D("2026-07-15"), assessment.Status.StageSince);
        Assert.Equal(D("2026-07-05"), Assert.Single(assessment.Changes, c => c.Kind == LifecycleChangeKind.FlagCleared).On);
    }

    [Fact]
    public void Assess_StageUnchanged_KeepsItsDateAndReportsNoChange()
    {
        var previous = Status(LifecycleStage.Stable, "2025-04-10");

        var assessment = Policy.Assess(Owner("2025-01-10", "2026-06-30", requests: "2026-05-01"), previous, D("2026-06-30"));

        Assert.Equal(D("2025-04-10"), assessment.Status.StageSince);
        Assert.Empty(assessment.Changes);
    }

    [Fact]
    public void Assess_ConditionOlderThanPreviousChange_IsDatedNoEarlierThanThePreviousChange()
    {
        var previous = Status(LifecycleStage.Stable, "2026-06-01");

        var assessment = Policy.Assess(Owner("2025-01-10", "2026-06-30", "2026-03,2026-04,2026-05", "2026-05-01"), previous, D("2026-06-30"));

        Assert.Equal(D("2026-06-01"), assessment.Status.StageSince);
    }

    [Fact]
    public void Assess_MovedOut_NoFlagsEvenIfUnpaidAndQuiet()
    {
        var assessment = Policy.Assess(Owner("2025-01-10", "2026-06-30", "2026-03,2026-04,2026-05", moveOut: "2026-06-01"), null, D("2026-06-30"));

        Assert.Equal(LifecycleStage.Churned, assessment.Status.Stage);
        Assert.Empty(assessment.Status.Flags);
    }

    [Fact]
    public void Assess_BeforeMoveIn_ThrowsDomainException()
    {
        var facts = Owner("2026-07-01", "2026-06-30");

        var error = Assert.Throws<DomainException>(() => Policy.Assess(facts, null, D("2026-06-30")));

        Assert.Equal(LifecycleErrorCodes.NotMovedIn, error.Code);
    }

    [Fact]
    public void Assess_FeeStandingForAnotherDate_ThrowsArgumentException()
    {
        var facts = Owner("2025-01-10", "2026-06-30");

        Assert.Throws<ArgumentException>(() => Policy.Assess(facts, null, D("2026-07-01")));
    }

    [Fact]
    public void LifecyclePolicy_ChurnedNotAboveRisk_ThrowsDomainException()
    {
        var error = Assert.Throws<DomainException>(() => new LifecyclePolicy(LifecycleRules.Default with { ChurnedUnpaidMonths = 3 }));

        Assert.Equal(LifecycleErrorCodes.InvalidRules, error.Code);
    }
}
