using System;
using System.Collections.Generic;
using System.Linq;
using PropertyCrm.Domain.Calendars;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Tests.Domain;

namespace PropertyCrm.Tests.ServiceRequests.Sweep;

/// <summary>The sweep's index instant and the per-request review, table-driven, and their contract with the planner.</summary>
public sealed class NextEscalationTests
{
    // Emergency first response: 30 min on 24x7 from 10:00: warning 10:22:30, due 10:30, level 2 10:45, level 3 11:00.
    private static SlaClock Emergency(int warningPercent = 75) =>
        SlaClock.Start(
            new SlaTarget(SlaKpi.FirstResponse, TimeSpan.FromMinutes(30), "24x7", warningPercent),
            BuiltInCalendars.TwentyFourSeven,
            Iso.At("2026-03-02T10:00:00+08:00"));

    [Theory]
    [InlineData("", "2026-03-02T10:22:30+08:00")]
    [InlineData("Warning", "2026-03-02T10:30:01+08:00")] // level 1 once after the deadline: the first whole second after it
    [InlineData("Warning,Level1", "2026-03-02T10:45:00+08:00")]
    [InlineData("Warning,Level1,Level2", "2026-03-02T11:00:00+08:00")]
    [InlineData("Warning,Level1,Level2,Level3", "")]
    [InlineData("Level1", "2026-03-02T10:22:30+08:00")] // the lowest missing rung, even behind a recorded one
    public void Of_RecordedLevels_IsTheLowestMissingRungsInstant(string recorded, string expected)
    {
        var next = NextEscalation.Of(Emergency(), Levels(recorded));

        Assert.Equal(expected, next.HasValue ? Iso.Format(next.Value) : "");
    }

    [Fact]
    public void Of_WarningOnAFractionOfASecond_RoundsUpToTheNextWholeSecond()
    {
        // 33% of 30 min = 9 min 54 s exactly; 1% of 30 min = 18 s; 37% = 11 min 6 s. Use a 1-minute target for a fraction:
        var clock = SlaClock.Start(new SlaTarget(SlaKpi.FirstResponse, TimeSpan.FromMinutes(1), "24x7", 33), BuiltInCalendars.TwentyFourSeven, Iso.At("2026-03-02T10:00:00+08:00"));

        Assert.Equal("2026-03-02T10:00:19.8+08:00", Iso.Format(clock.WarningAt));
        Assert.Equal("2026-03-02T10:00:20+08:00", Iso.Format(NextEscalation.Of(clock, Array.Empty<EscalationLevel>())!.Value));
    }

    [Fact]
    public void Of_PausedOrCompletedClock_IsNull()
    {
        var paused = Emergency().Pause(Iso.At("2026-03-02T10:10:00+08:00"));
        var completed = Emergency().Complete(Iso.At("2026-03-02T10:10:00+08:00"));

        Assert.Null(NextEscalation.Of(paused, Array.Empty<EscalationLevel>()));
        Assert.Null(NextEscalation.Of(completed, Array.Empty<EscalationLevel>()));
    }

    [Theory]
    [InlineData(75)]
    [InlineData(33)]
    [InlineData(1)]
    public void Of_EverySecond_PlannerFindsNothingBeforeItAndARungAtIt(int warningPercent)
    {
        var clock = Emergency(warningPercent);
        var recorded = new List<EscalationLevel>();
        var start = clock.StartedAt;
        for (var now = start; now <= start.AddMinutes(70); now = now.AddSeconds(1))
        {
            var next = NextEscalation.Of(clock, recorded);
            var due = EscalationPlanner.Due(clock, recorded, now);
            Assert.Equal(next.HasValue && now >= next.Value, due.Count > 0);
            recorded.AddRange(due.Select(d => d.Level));
        }

        Assert.Equal(4, recorded.Count);
    }

    [Fact]
    public void Earliest_NullsAndValues_IsTheSmallestValue()
    {
        Assert.Null(NextEscalation.Earliest(null, null));
        Assert.Equal(Iso.At("2026-03-02T10:00:00+08:00"), NextEscalation.Earliest(null, Iso.At("2026-03-02T11:00:00+08:00"), Iso.At("2026-03-02T10:00:00+08:00")));
    }

    [Theory]
    // now, recorded (KPI:level), expected due, expected highest, expected next ("" = none)
    [InlineData("2026-03-02T10:20:00+08:00", "", "", "", "2026-03-02T10:22:30+08:00")]
    [InlineData("2026-03-02T10:31:00+08:00", "", "FirstResponse:Warning,FirstResponse:Level1", "Level1", "2026-03-02T10:45:00+08:00")]
    [InlineData("2026-03-02T10:31:00+08:00", "FirstResponse:Warning,FirstResponse:Level1", "", "Level1", "2026-03-02T10:45:00+08:00")]
    [InlineData("2026-03-02T12:00:00+08:00", "FirstResponse:Warning", "FirstResponse:Level1,FirstResponse:Level2,FirstResponse:Level3", "Level3", "")]
    public void Review_Now_ObservesRaisesAndIndexes(string now, string recorded, string expectedDue, string expectedHighest, string expectedNext)
    {
        var review = EscalationReview.Of(new[] { Emergency() }, Rungs(recorded), Iso.At(now));

        Assert.Equal(expectedDue, string.Join(",", review.Due.Select(d => $"{d.Kpi}:{d.Level}")));
        Assert.Equal(expectedHighest, review.HighestLevel?.ToString() ?? "");
        Assert.Equal(expectedNext, review.NextEscalationOn.HasValue ? Iso.Format(review.NextEscalationOn.Value) : "");
        var rerun = EscalationReview.Of(new[] { Emergency() }, Rungs(recorded).Concat(review.Due.Select(d => new EscalationRung(d.Kpi, d.Level))), Iso.At(now));
        Assert.Empty(rerun.Due);
    }

    [Fact]
    public void Review_AfterDeadline_ObservedClockIsBreachedAtTheDeadline()
    {
        var review = EscalationReview.Of(new[] { Emergency() }, Array.Empty<EscalationRung>(), Iso.At("2026-03-02T10:40:00+08:00"));

        var clock = Assert.Single(review.Observed);
        Assert.Equal(SlaStatus.Breached, clock.Status);
        Assert.Equal(Iso.At("2026-03-02T10:30:00+08:00"), clock.BreachedOn);
    }

    private static IEnumerable<EscalationLevel> Levels(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<EscalationLevel>).ToArray();

    private static IEnumerable<EscalationRung> Rungs(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(':'))
            .Select(p => new EscalationRung(Enum.Parse<SlaKpi>(p[0]), Enum.Parse<EscalationLevel>(p[1])))
            .ToArray();
}
