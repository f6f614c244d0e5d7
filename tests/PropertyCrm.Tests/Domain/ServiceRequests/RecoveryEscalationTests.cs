using System;
using System.Linq;
using PropertyCrm.Domain.ServiceRequests;
using PropertyCrm.Domain.ServiceRequests.FollowUps;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Tests.Domain.ServiceRequests;

/// <summary>
/// The 挽回 ladder (level 2 at the due time, level 3 a day later), the rework task's due time and the response minutes of
/// KPI 0: clock-free rules, table-driven.
/// </summary>
public sealed class RecoveryEscalationTests
{
    private static readonly DateTimeOffset Due = Iso.At("2026-03-03T10:00+08:00");

    /// <summary>Hours after the due time, rungs recorded ("" none, "2", "2,3") → rungs raised now, highest, next instant (hours after due; null none).</summary>
    public static TheoryData<double, string, string, EscalationLevel?, double?> Reviews => new()
    {
        { -0.5, "", "", null, 0 },
        { 0, "", "2", EscalationLevel.Level2, 24 },
        { 5, "2", "", EscalationLevel.Level2, 24 },
        { 23.99, "2", "", EscalationLevel.Level2, 24 },
        { 24, "2", "3", EscalationLevel.Level3, null },
        { 30, "", "2,3", EscalationLevel.Level3, null },
        { 48, "2,3", "", EscalationLevel.Level3, null },
        { 48, "3", "2", EscalationLevel.Level3, null },
    };

    [Theory]
    [MemberData(nameof(Reviews))]
    public void Review_HoursAfterDue_RungsHighestAndNext(double hours, string recorded, string raised, EscalationLevel? highest, double? nextHours)
    {
        var review = RecoveryEscalation.Review(Due, Levels(recorded), Due.AddHours(hours));

        Assert.Equal(Levels(raised), review.Due.Select(d => d.Level).ToArray());
        Assert.Equal(highest, review.HighestLevel);
        Assert.Equal(nextHours is null ? null : Due.AddHours(nextHours.Value), review.NextEscalationOn);
    }

    [Fact]
    public void Review_RaisedRungs_RecipientsAreTheLaddersNextLevelsAndReviewingAgainRaisesNothing()
    {
        var now = Due.AddHours(30);
        var first = RecoveryEscalation.Review(Due, Array.Empty<EscalationLevel>(), now);

        var again = RecoveryEscalation.Review(Due, first.Due.Select(d => d.Level), now);

        Assert.Equal(new[] { EscalationRecipient.PropertyManager, EscalationRecipient.QualityDepartment }, first.Due.Select(d => d.Recipient).ToArray());
        Assert.Equal(new[] { Due, Due.AddHours(24) }, first.Due.Select(d => d.DueSince).ToArray());
        Assert.Empty(again.Due);
        Assert.Equal(first.HighestLevel, again.HighestLevel);
    }

    [Theory]
    [InlineData(null, 0.0)]
    [InlineData(EscalationLevel.Level2, 24.0)]
    [InlineData(EscalationLevel.Level3, null)]
    public void NextOnAfterDueChange_HighestRaised_NextRungOfTheNewDue(EscalationLevel? highest, double? nextHours)
    {
        Assert.Equal(nextHours is null ? null : Due.AddHours(nextHours.Value), RecoveryEscalation.NextOnAfterDueChange(Due, highest));
        Assert.Null(RecoveryEscalation.NextOnAfterDueChange(null, highest));
    }

    [Fact]
    public void RefuseDirectEdit_Changed_RefusedInBothLanguages()
    {
        RecoveryEscalation.RefuseDirectEdit(false);

        var ex = Assert.Throws<PropertyCrm.Domain.DomainException>(() => RecoveryEscalation.RefuseDirectEdit(true));

        Assert.Equal(FollowUpErrorCodes.RecoveryEscalationSystemColumn, ex.Code);
        Assert.Contains("不能直接修改", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be edited", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Resolution due (hours after the reopen; null none) → rework task due (hours after the reopen).</summary>
    [Theory]
    [InlineData(6.0, 6.0)]
    [InlineData(0.0, 24.0)]
    [InlineData(-3.0, 24.0)]
    [InlineData(null, 24.0)]
    public void ReworkTaskDueOn_ResolutionDue_DeadlineAheadElseADay(double? dueHours, double expectedHours)
    {
        var reopened = Due;

        var taskDue = FollowUpPolicy.ReworkTaskDueOn(dueHours is null ? null : reopened.AddHours(dueHours.Value), reopened);

        Assert.Equal(reopened.AddHours(expectedHours), taskDue);
    }

    /// <summary>Minutes from logging to 受理 (null: not accepted) → stored whole minutes (wall clock, rounded down).</summary>
    [Theory]
    [InlineData(null, null)]
    [InlineData(0.0, 0)]
    [InlineData(12.9, 12)]
    [InlineData(30.0, 30)]
    [InlineData(2 * 24 * 60 + 61.5, 2 * 24 * 60 + 61)]
    public void WholeMinutes_AcceptedAfter_FloorOfWallClockMinutes(double? minutes, int? expected)
    {
        var started = Iso.At("2025-01-10T17:30+08:00");
        var clock = SlaClock.Start(new SlaTarget(SlaKpi.FirstResponse, TimeSpan.FromMinutes(30), "24x7"), PropertyCrm.Domain.Calendars.BuiltInCalendars.TwentyFourSeven, started);
        if (minutes is double m)
        {
            clock = clock.Complete(started.AddMinutes(m));
        }

        Assert.Equal(expected, ResponseTime.WholeMinutes(clock));
        Assert.Null(ResponseTime.WholeMinutes(null));
    }

    [Fact]
    public void RefuseDirectEdit_ResponseMinutesChanged_RefusedSameValuePasses()
    {
        ResponseTime.RefuseDirectEdit(12, 12);

        var ex = Assert.Throws<PropertyCrm.Domain.DomainException>(() => ResponseTime.RefuseDirectEdit(12, 3));

        Assert.Equal(ServiceRequestErrorCodes.ResponseMinutesSystemColumn, ex.Code);
        Assert.Contains("响应时长", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Response Minutes", ex.Message, StringComparison.Ordinal);
    }

    private static EscalationLevel[] Levels(string text) =>
        text.Length == 0 ? Array.Empty<EscalationLevel>() : text.Split(',').Select(t => t == "2" ? EscalationLevel.Level2 : EscalationLevel.Level3).ToArray();
}
