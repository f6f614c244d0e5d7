using System;
using System.Collections.Generic;
using System.Linq;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Tests.Domain.Sla;

public sealed class EscalationPlannerTests
{
    // Emergency first response: 30 min on 24x7 from 10:00. Warning 10:22:30, due 10:30,
    // level 2 at +15 min (10:45), level 3 at +30 min (11:00).
    private static SlaClock Emergency() =>
        SlaClock.Start(new SlaTarget(SlaKpi.FirstResponse, TimeSpan.FromMinutes(30), "24x7"), BuiltInCalendars.TwentyFourSeven, Iso.At("2026-03-02T10:00:00+08:00"));

    [Theory]
    [InlineData("2026-03-02T10:22:29+08:00", "", "")]
    [InlineData("2026-03-02T10:22:30+08:00", "", "Warning")]
    [InlineData("2026-03-02T10:30:00+08:00", "", "Warning")] // deadline instant is not yet a breach
    [InlineData("2026-03-02T10:30:01+08:00", "", "Warning,Level1")]
    [InlineData("2026-03-02T10:45:00+08:00", "", "Warning,Level1,Level2")]
    [InlineData("2026-03-02T11:00:00+08:00", "", "Warning,Level1,Level2,Level3")] // a late job still tells everyone
    [InlineData("2026-03-02T11:00:00+08:00", "Warning,Level1", "Level2,Level3")]
    [InlineData("2026-03-02T11:00:00+08:00", "Warning,Level1,Level2,Level3", "")]
    [InlineData("2026-03-02T10:40:00+08:00", "Level1", "Warning")]
    public void Due_AlreadyRecordedLevels_ReturnsOnlyMissingReachedLevels(string now, string recorded, string expected)
    {
        var due = EscalationPlanner.Due(Emergency(), Levels(recorded), Iso.At(now));

        Assert.Equal(Levels(expected), due.Select(d => d.Level));
    }

    [Fact]
    public void Due_CalledEveryMinuteRecordingResults_RaisesEachLevelExactlyOnceInOrder()
    {
        var clock = Emergency();
        var recorded = new List<DueEscalation>();
        for (var now = Iso.At("2026-03-02T10:00:00+08:00"); now <= Iso.At("2026-03-02T12:00:00+08:00"); now = now.AddMinutes(1))
        {
            var due = EscalationPlanner.Due(clock, recorded.Select(r => r.Level), now);
            Assert.All(due, d => Assert.True(d.DueSince <= now));

            // Asking again at the same instant with the results recorded is a no-op.
            recorded.AddRange(due);
            Assert.Empty(EscalationPlanner.Due(clock, recorded.Select(r => r.Level), now));
        }

        Assert.Equal(new[] { EscalationLevel.Warning, EscalationLevel.Level1, EscalationLevel.Level2, EscalationLevel.Level3 }, recorded.Select(r => r.Level));
        Assert.Equal(
            new[] { "2026-03-02T10:22:30+08:00", "2026-03-02T10:30:00+08:00", "2026-03-02T10:45:00+08:00", "2026-03-02T11:00:00+08:00" },
            recorded.Select(r => Iso.Format(r.DueSince)));
        Assert.Equal(
            new[] { EscalationRecipient.Assignee, EscalationRecipient.TeamSupervisor, EscalationRecipient.PropertyManager, EscalationRecipient.QualityDepartment },
            recorded.Select(r => r.Recipient));
    }

    [Theory]
    // Repair response, 2 h on cn-workdays from Friday 16:00: due Friday 18:00; level 2 after 1 more working hour
    // (Monday 10:00), level 3 after 2 (Monday 11:00). The weekend escalates nothing beyond the supervisor.
    [InlineData("2026-03-07T12:00:00+08:00", "Warning,Level1")]
    [InlineData("2026-03-09T09:59:00+08:00", "Warning,Level1")]
    [InlineData("2026-03-09T10:00:00+08:00", "Warning,Level1,Level2")]
    [InlineData("2026-03-09T11:00:00+08:00", "Warning,Level1,Level2,Level3")]
    public void Due_BusinessCalendar_LadderCountsWorkingTimeAfterBreach(string now, string expected)
    {
        var clock = SlaClock.Start(new SlaTarget(SlaKpi.FirstResponse, TimeSpan.FromHours(2), "cn-workdays"), BuiltInCalendars.ChinaWorkdays, Iso.At("2026-03-06T16:00:00+08:00"));

        Assert.Equal(Levels(expected), EscalationPlanner.Due(clock, Array.Empty<EscalationLevel>(), Iso.At(now)).Select(d => d.Level));
    }

    [Fact]
    public void Due_CustomLadder_UsesItsOffsets()
    {
        var target = new SlaTarget(SlaKpi.Resolution, TimeSpan.FromMinutes(30), "24x7", 50, new EscalationLadder(TimeSpan.FromHours(1), TimeSpan.FromHours(4)));
        var clock = SlaClock.Start(target, BuiltInCalendars.TwentyFourSeven, Iso.At("2026-03-02T10:00:00+08:00"));

        var due = EscalationPlanner.Due(clock, Array.Empty<EscalationLevel>(), Iso.At("2026-03-02T11:30:00+08:00"));

        Assert.Equal(new[] { "2026-03-02T10:15:00+08:00", "2026-03-02T10:30:00+08:00", "2026-03-02T11:30:00+08:00" }, due.Select(d => Iso.Format(d.DueSince)));
    }

    [Fact]
    public void Due_PausedClock_JudgedAtPauseInstant()
    {
        var clock = Emergency().Pause(Iso.At("2026-03-02T10:25:00+08:00"));

        var due = EscalationPlanner.Due(clock, Array.Empty<EscalationLevel>(), Iso.At("2026-03-02T18:00:00+08:00"));

        Assert.Equal(new[] { EscalationLevel.Warning }, due.Select(d => d.Level));
    }

    [Fact]
    public void Due_CompletedClock_ReturnsNothing()
    {
        var clock = Emergency().Complete(Iso.At("2026-03-02T10:50:00+08:00"));

        Assert.Empty(EscalationPlanner.Due(clock, Array.Empty<EscalationLevel>(), Iso.At("2026-03-02T18:00:00+08:00")));
        Assert.Equal(SlaStatus.Breached, clock.Status);
    }

    private static EscalationLevel[] Levels(string csv) =>
        csv.Length == 0 ? Array.Empty<EscalationLevel>() : csv.Split(',').Select(s => (EscalationLevel)Enum.Parse(typeof(EscalationLevel), s)).ToArray();
}
