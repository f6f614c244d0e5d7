using System;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Tests.Domain.Sla;

public sealed class SlaClockTests
{
    private static SlaClock Start(int minutes, string calendar, string startedAt, SlaKpi kpi = SlaKpi.Resolution) =>
        SlaClock.Start(new SlaTarget(kpi, TimeSpan.FromMinutes(minutes), calendar), BuiltInCalendars.Catalog.Get(calendar), Iso.At(startedAt));

    [Theory]
    // Emergency first response, 24×7: holidays and midnight do not matter.
    [InlineData(30, "24x7", "2026-02-15T23:50:00+08:00", "2026-02-16T00:12:30+08:00", "2026-02-16T00:20:00+08:00")]
    // Repair first response, 2 working hours, across the Spring Festival eve.
    [InlineData(120, "cn-workdays", "2026-02-13T17:00:00+08:00", "2026-02-14T09:30:00+08:00", "2026-02-14T10:00:00+08:00")]
    [InlineData(120, "cn-workdays", "2026-02-14T17:00:00+08:00", "2026-02-24T09:30:00+08:00", "2026-02-24T10:00:00+08:00")]
    // Complaint solution, 3 working days (27 h), across the Spring Festival.
    [InlineData(1620, "cn-workdays", "2026-02-13T17:00:00+08:00", "2026-02-25T10:15:00+08:00", "2026-02-25T17:00:00+08:00")]
    // Ordinary 30-minute response logged at night and in UTC.
    [InlineData(30, "cn-workdays", "2026-02-24T12:00:00Z", "2026-02-25T09:22:30+08:00", "2026-02-25T09:30:00+08:00")]
    public void Start_Target_ComputesWarningAndDueOnCalendar(int minutes, string calendar, string startedAt, string warningAt, string dueAt)
    {
        var clock = Start(minutes, calendar, startedAt);

        Assert.Equal(warningAt, Iso.Format(clock.WarningAt));
        Assert.Equal(dueAt, Iso.Format(clock.DueAt));
        Assert.Equal(SlaStatus.InProgress, clock.Status);
        Assert.Equal(TimeSpan.FromHours(8), clock.StartedAt.Offset);
    }

    [Theory]
    [InlineData("2026-03-02T10:00:00+08:00", SlaStatus.InProgress)]
    [InlineData("2026-03-02T10:22:29+08:00", SlaStatus.InProgress)]
    [InlineData("2026-03-02T10:22:30+08:00", SlaStatus.Warning)] // threshold reached
    [InlineData("2026-03-02T10:30:00+08:00", SlaStatus.Warning)] // the deadline instant is still on time
    [InlineData("2026-03-02T10:30:00.0000001+08:00", SlaStatus.Breached)]
    [InlineData("2026-03-03T10:00:00+08:00", SlaStatus.Breached)]
    public void StatusAt_Running_FollowsWarningAndDeadline(string now, SlaStatus expected)
    {
        var clock = Start(30, "24x7", "2026-03-02T10:00:00+08:00", SlaKpi.FirstResponse);

        Assert.Equal(expected, clock.StatusAt(Iso.At(now)));
    }

    [Fact]
    public void Observe_AfterDeadline_RecordsBreachAtDeadline()
    {
        var clock = Start(30, "24x7", "2026-03-02T10:00:00+08:00").Observe(Iso.At("2026-03-02T11:00:00+08:00"));

        Assert.Equal(SlaStatus.Breached, clock.Status);
        Assert.Equal("2026-03-02T10:30:00+08:00", Iso.Format(clock.BreachedOn!.Value));
        Assert.False(clock.IsCompleted);
    }

    [Theory]
    // Paused 1 h into the 调休 Saturday, resumed 1 h into the first day back: 8 h + 1 h of working time paused.
    [InlineData("2026-02-14T10:00:00+08:00", "2026-02-24T10:00:00+08:00", 540, "2026-02-26T17:00:00+08:00")]
    // Paused only over non-working time: nothing moves.
    [InlineData("2026-02-14T18:00:00+08:00", "2026-02-24T09:00:00+08:00", 0, "2026-02-25T17:00:00+08:00")]
    // Paused with 1 h left, over the 调休 Saturday 28 Feb (worked, so it counts) and Sunday 1 Mar (not worked).
    [InlineData("2026-02-25T16:00:00+08:00", "2026-03-02T09:00:00+08:00", 1740, "2026-03-02T10:00:00+08:00")]
    public void Resume_AfterPause_MovesDeadlinesByWorkingTimePaused(string pausedAt, string resumedAt, int pausedMinutes, string dueAt)
    {
        var started = Start(1620, "cn-workdays", "2026-02-13T17:00:00+08:00");

        var result = started.Pause(Iso.At(pausedAt)).Resume(Iso.At(resumedAt));

        Assert.Equal(TimeSpan.FromMinutes(pausedMinutes), result.PausedTotal);
        Assert.Equal(dueAt, Iso.Format(result.DueAt));
        Assert.Equal(TimeSpan.FromMinutes((1620 * 75 / 100) + pausedMinutes), BuiltInCalendars.ChinaWorkdays.WorkingTimeBetween(result.StartedAt, result.WarningAt));
        Assert.False(result.IsPaused);
        Assert.Null(result.BreachedOn);
    }

    [Fact]
    public void Resume_PausedAfterDeadline_BreachStandsAndNothingMoves()
    {
        var started = Start(1620, "cn-workdays", "2026-02-13T17:00:00+08:00");

        var resumed = started.Pause(Iso.At("2026-02-27T17:00:00+08:00")).Resume(Iso.At("2026-03-02T09:00:00+08:00"));

        Assert.Equal(TimeSpan.Zero, resumed.PausedTotal);
        Assert.Equal(started.DueAt, resumed.DueAt);
        Assert.Equal(started.DueAt, resumed.BreachedOn);
        Assert.Equal(SlaStatus.Breached, resumed.Status);
    }

    [Fact]
    public void Resume_TwoPauses_AccumulatesPausedTime()
    {
        var clock = Start(120, "cn-workdays", "2026-03-02T09:00:00+08:00")
            .Pause(Iso.At("2026-03-02T09:30:00+08:00"))
            .Resume(Iso.At("2026-03-02T10:00:00+08:00"))
            .Pause(Iso.At("2026-03-02T10:30:00+08:00"))
            .Resume(Iso.At("2026-03-02T17:30:00+08:00"));

        Assert.Equal(TimeSpan.FromMinutes(30 + 420), clock.PausedTotal);
        Assert.Equal("2026-03-03T09:30:00+08:00", Iso.Format(clock.DueAt));
    }

    [Fact]
    public void Pause_ReturnsNewState_OriginalUnchanged()
    {
        var running = Start(30, "24x7", "2026-03-02T10:00:00+08:00");

        var paused = running.Pause(Iso.At("2026-03-02T10:10:00+08:00"));

        Assert.NotSame(running, paused);
        Assert.Null(running.PausedAt);
        Assert.Equal(SlaStatus.InProgress, running.Status);
        Assert.Equal(SlaStatus.Paused, paused.Status);
        Assert.Equal(SlaStatus.Paused, paused.StatusAt(Iso.At("2026-03-09T00:00:00+08:00")));
        Assert.Equal(TimeSpan.FromMinutes(20), paused.RemainingAt(Iso.At("2026-03-09T00:00:00+08:00")));
    }

    [Theory]
    [InlineData("2026-03-02T10:29:00+08:00", SlaStatus.Met)]
    [InlineData("2026-03-02T10:30:00+08:00", SlaStatus.Met)]
    [InlineData("2026-03-02T10:31:00+08:00", SlaStatus.Breached)]
    public void Complete_AtOrBeforeDeadline_IsMetOtherwiseBreached(string now, SlaStatus expected)
    {
        var clock = Start(30, "24x7", "2026-03-02T10:00:00+08:00").Complete(Iso.At(now));

        Assert.Equal(expected, clock.Status);
        Assert.Equal(now, Iso.Format(clock.CompletedAt!.Value));
        Assert.Equal("2026-03-02T10:30:00+08:00", Iso.Format(clock.DueAt));
        if (expected == SlaStatus.Met)
        {
            Assert.Equal(clock.CompletedAt, clock.MetOn);
            Assert.Null(clock.BreachedOn);
        }
        else
        {
            Assert.Null(clock.MetOn);
            Assert.Equal(clock.DueAt, clock.BreachedOn);
        }
    }

    [Fact]
    public void Complete_WhilePaused_ResumesFirstSoPauseCounts()
    {
        var clock = Start(30, "24x7", "2026-03-02T10:00:00+08:00")
            .Pause(Iso.At("2026-03-02T10:10:00+08:00"))
            .Complete(Iso.At("2026-03-02T11:00:00+08:00"));

        Assert.Equal(SlaStatus.Met, clock.Status);
        Assert.Equal("2026-03-02T11:20:00+08:00", Iso.Format(clock.DueAt));
        Assert.Equal(TimeSpan.FromMinutes(50), clock.PausedTotal);
    }

    [Fact]
    public void Operations_InvalidSequence_ThrowStableCodes()
    {
        var running = Start(30, "24x7", "2026-03-02T10:00:00+08:00");
        var paused = running.Pause(Iso.At("2026-03-02T10:10:00+08:00"));
        var done = running.Complete(Iso.At("2026-03-02T10:20:00+08:00"));

        Assert.Equal(SlaErrorCodes.AlreadyPaused, Assert.Throws<DomainException>(() => paused.Pause(Iso.At("2026-03-02T10:11:00+08:00"))).Code);
        Assert.Equal(SlaErrorCodes.NotPaused, Assert.Throws<DomainException>(() => running.Resume(Iso.At("2026-03-02T10:11:00+08:00"))).Code);
        Assert.Equal(SlaErrorCodes.AlreadyCompleted, Assert.Throws<DomainException>(() => done.Complete(Iso.At("2026-03-02T10:21:00+08:00"))).Code);
        Assert.Equal(SlaErrorCodes.AlreadyCompleted, Assert.Throws<DomainException>(() => done.Pause(Iso.At("2026-03-02T10:21:00+08:00"))).Code);
        Assert.Equal(SlaErrorCodes.TimeBeforeLastChange, Assert.Throws<DomainException>(() => running.Pause(Iso.At("2026-03-02T09:59:00+08:00"))).Code);
        Assert.Equal(SlaErrorCodes.TimeBeforeLastChange, Assert.Throws<DomainException>(() => paused.Resume(Iso.At("2026-03-02T10:09:00+08:00"))).Code);
    }

    [Fact]
    public void Start_CalendarOtherThanTargets_ThrowsCalendarMismatch()
    {
        var target = new SlaTarget(SlaKpi.FirstResponse, TimeSpan.FromMinutes(30), "24x7");

        var ex = Assert.Throws<DomainException>(() => SlaClock.Start(target, BuiltInCalendars.ChinaWorkdays, Iso.At("2026-03-02T10:00:00+08:00")));

        Assert.Equal(SlaErrorCodes.CalendarMismatch, ex.Code);
    }

    [Fact]
    public void Start_UncoveredYear_ThrowsYearNotCovered()
    {
        var ex = Assert.Throws<DomainException>(() => Start(30, "cn-workdays", "2027-03-01T10:00:00+08:00"));

        Assert.Equal(CalendarErrorCodes.YearNotCovered, ex.Code);
    }

    [Fact]
    public void Restore_StoredFields_ReproducesDeadlines()
    {
        var original = Start(1620, "cn-workdays", "2026-02-13T17:00:00+08:00")
            .Pause(Iso.At("2026-02-14T10:00:00+08:00"))
            .Resume(Iso.At("2026-02-24T10:00:00+08:00"))
            .Pause(Iso.At("2026-02-25T10:00:00+08:00"));

        var restored = SlaClock.Restore(original.Target, original.Calendar, original.StartedAt, original.PausedTotal, original.PausedAt, original.CompletedAt, original.BreachedOn);

        Assert.Equal(original.DueAt, restored.DueAt);
        Assert.Equal(original.WarningAt, restored.WarningAt);
        Assert.Equal(original.PausedAt, restored.PausedAt);
        Assert.Equal(SlaStatus.Paused, restored.Status);
    }

    [Theory]
    [InlineData(null, null, false, SlaStatus.InProgress)]
    [InlineData(null, null, true, SlaStatus.Breached)]
    [InlineData("2026-03-02T10:10:00+08:00", null, false, SlaStatus.Paused)]
    [InlineData(null, "2026-03-02T10:30:00+08:00", false, SlaStatus.Met)]
    [InlineData(null, "2026-03-02T10:31:00+08:00", false, SlaStatus.Breached)] // late completion is a breach even if not stored as one
    public void Restore_StoredOutcome_DerivesStatus(string? pausedAt, string? completedAt, bool breached, SlaStatus expected)
    {
        var target = new SlaTarget(SlaKpi.FirstResponse, TimeSpan.FromMinutes(30), "24x7");

        var clock = SlaClock.Restore(
            target,
            BuiltInCalendars.TwentyFourSeven,
            Iso.At("2026-03-02T10:00:00+08:00"),
            TimeSpan.Zero,
            pausedAt is null ? null : Iso.At(pausedAt),
            completedAt is null ? null : Iso.At(completedAt),
            breached ? Iso.At("2026-03-02T10:30:00+08:00") : null);

        Assert.Equal(expected, clock.Status);
        Assert.Equal(expected == SlaStatus.Breached, clock.BreachedOn.HasValue);
    }

    [Fact]
    public void Restore_PausedAndCompleted_ThrowsInvalidClock()
    {
        var target = new SlaTarget(SlaKpi.FirstResponse, TimeSpan.FromMinutes(30), "24x7");

        var ex = Assert.Throws<DomainException>(() => SlaClock.Restore(
            target, BuiltInCalendars.TwentyFourSeven, Iso.At("2026-03-02T10:00:00+08:00"), TimeSpan.Zero, Iso.At("2026-03-02T10:10:00+08:00"), Iso.At("2026-03-02T10:20:00+08:00"), null));

        Assert.Equal(SlaErrorCodes.InvalidClock, ex.Code);
    }
}
