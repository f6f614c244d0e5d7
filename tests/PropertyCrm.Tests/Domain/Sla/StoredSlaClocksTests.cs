using System;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Tests.Domain.Sla;

public sealed class StoredSlaClocksTests
{
    private static readonly EscalationLadder CustomLadder = new(TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(180));

    private static SlaTarget Policy(int minutes, string calendar = "24x7", int warningPercent = 60) =>
        new(SlaKpi.FirstResponse, TimeSpan.FromMinutes(minutes), calendar, warningPercent, CustomLadder);

    [Theory]
    // stored minutes, stored calendar, policy minutes (0 = no policy), policy calendar, expected calendar, expected warning %, policy ladder kept
    [InlineData(120, "cn-workdays", 0, null, "cn-workdays", 75, false)] // no policy: defaults underneath the stored promise
    [InlineData(120, null, 0, null, "cn-workdays", 75, false)] // nothing stored, no policy: the built-in calendar
    [InlineData(120, "  ", 120, "24x7", "24x7", 60, true)] // blank stored calendar: the policy's
    [InlineData(120, "cn-workdays", 120, "24x7", "cn-workdays", 60, true)] // the stored calendar wins over the policy's
    [InlineData(120, "cn-workdays", 30, "24x7", "cn-workdays", 60, false)] // policy re-timed since: its ladder no longer fits
    public void Reconcile_StoredTargetAndPolicy_StoredPromiseWins(
        int storedMinutes,
        string? storedCalendar,
        int policyMinutes,
        string? policyCalendar,
        string calendar,
        int warningPercent,
        bool keepsPolicyLadder)
    {
        var inForce = policyMinutes == 0 ? null : Policy(policyMinutes, policyCalendar!);

        var target = StoredSlaClocks.Reconcile(SlaKpi.FirstResponse, storedMinutes, storedCalendar, inForce);

        Assert.Equal(TimeSpan.FromMinutes(storedMinutes), target.Duration);
        Assert.Equal(calendar, target.CalendarName);
        Assert.Equal(warningPercent, target.WarningPercent);
        Assert.Equal(keepsPolicyLadder, ReferenceEquals(CustomLadder, target.Ladder));
        if (!keepsPolicyLadder)
        {
            Assert.Equal(TimeSpan.FromMinutes(storedMinutes / 2), target.Ladder.Level2AfterBreach);
        }
    }

    [Theory]
    // met on, completed by (accepted on), paused on, expected status, expected completed at
    [InlineData(null, null, null, SlaStatus.InProgress, null)]
    [InlineData(null, null, "2026-03-02T10:10:00+08:00", SlaStatus.Paused, null)]
    [InlineData("2026-03-02T10:20:00+08:00", null, null, SlaStatus.Met, "2026-03-02T10:20:00+08:00")]
    [InlineData(null, "2026-03-02T10:25:00+08:00", null, SlaStatus.Met, "2026-03-02T10:25:00+08:00")]
    [InlineData("2026-03-02T10:20:00+08:00", "2026-03-02T10:25:00+08:00", null, SlaStatus.Met, "2026-03-02T10:20:00+08:00")] // met on first
    [InlineData(null, "2026-03-02T10:25:00+08:00", "2026-03-02T10:10:00+08:00", SlaStatus.Met, "2026-03-02T10:25:00+08:00")] // pause ignored once completed
    [InlineData(null, "2026-03-02T11:00:00+08:00", null, SlaStatus.Breached, "2026-03-02T11:00:00+08:00")]
    public void Restore_StoredInstants_CompletesAtMetOnElseCompletedBy(string? metOn, string? completedBy, string? pausedOn, SlaStatus status, string? completedAt)
    {
        var stored = new StoredSlaClock(SlaKpi.FirstResponse, 30, "24x7", 0, At(metOn), At(completedBy), null);

        var clock = StoredSlaClocks.Restore(stored, Iso.At("2026-03-02T10:00:00+08:00"), At(pausedOn), null, BuiltInCalendars.Catalog)!;

        Assert.Equal(status, clock.Status);
        Assert.Equal(At(completedAt), clock.CompletedAt);
        Assert.Equal("2026-03-02T10:30:00+08:00", Iso.Format(clock.DueAt));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(-5)]
    public void Restore_NoPositiveTarget_ReturnsNull(int? minutes)
    {
        var stored = new StoredSlaClock(SlaKpi.Resolution, minutes, "24x7", null, null, null, null);

        Assert.Null(StoredSlaClocks.Restore(stored, Iso.At("2026-03-02T10:00:00+08:00"), null, null, BuiltInCalendars.Catalog));
    }

    [Fact]
    public void Restore_PausedMinutes_MoveTheDeadline()
    {
        var stored = new StoredSlaClock(SlaKpi.FirstResponse, 30, "24x7", 15, null, null, null);

        var clock = StoredSlaClocks.Restore(stored, Iso.At("2026-03-02T10:00:00+08:00"), null, null, BuiltInCalendars.Catalog)!;

        Assert.Equal("2026-03-02T10:45:00+08:00", Iso.Format(clock.DueAt));
    }

    [Fact]
    public void Restore_UnknownCalendar_Refused()
    {
        var stored = new StoredSlaClock(SlaKpi.FirstResponse, 30, "no-such-calendar", 0, null, null, null);

        Assert.Throws<DomainException>(() => StoredSlaClocks.Restore(stored, Iso.At("2026-03-02T10:00:00+08:00"), null, null, BuiltInCalendars.Catalog));
    }

    [Theory]
    // paused total (seconds), expected stored total (minutes), expected due
    [InlineData(0, 0, "2026-03-02T10:30:00+08:00")]
    [InlineData(60, 1, "2026-03-02T10:31:00+08:00")] // whole minutes: unchanged
    [InlineData(119, 1, "2026-03-02T10:31:00+08:00")] // rounded down, never overstating the owner's benefit
    [InlineData(1, 0, "2026-03-02T10:30:00+08:00")]
    public void WholeMinutesPaused_PausedTotal_RoundsDownAndRecomputesDeadline(int pausedSeconds, int wholeMinutes, string due)
    {
        var start = Iso.At("2026-03-02T10:00:00+08:00");
        var clock = SlaClock.Restore(
            new SlaTarget(SlaKpi.FirstResponse, TimeSpan.FromMinutes(30), "24x7"),
            BuiltInCalendars.Catalog.Get("24x7"),
            start,
            TimeSpan.FromSeconds(pausedSeconds),
            null,
            null,
            null);

        var stored = StoredSlaClocks.WholeMinutesPaused(clock, Iso.At("2026-03-02T10:05:00+08:00"))!;

        Assert.Equal(TimeSpan.FromMinutes(wholeMinutes), stored.PausedTotal);
        Assert.Equal(due, Iso.Format(stored.DueAt));
    }

    [Fact]
    public void WholeMinutesPaused_RunningPastDeadline_ObservedAtNow()
    {
        var start = Iso.At("2026-03-02T10:00:00+08:00");
        var clock = SlaClock.Restore(
            new SlaTarget(SlaKpi.FirstResponse, TimeSpan.FromMinutes(30), "24x7"),
            BuiltInCalendars.Catalog.Get("24x7"),
            start,
            TimeSpan.FromSeconds(90),
            null,
            null,
            null);

        var stored = StoredSlaClocks.WholeMinutesPaused(clock, Iso.At("2026-03-02T11:00:00+08:00"))!;

        Assert.Equal(SlaStatus.Breached, stored.Status);
        Assert.Equal("2026-03-02T10:31:00+08:00", Iso.Format(stored.BreachedOn!.Value));
    }

    [Fact]
    public void WholeMinutesPaused_Null_ReturnsNull()
    {
        Assert.Null(StoredSlaClocks.WholeMinutesPaused(null, Iso.At("2026-03-02T10:00:00+08:00")));
    }

    private static DateTimeOffset? At(string? text) => text is null ? null : Iso.At(text);
}
