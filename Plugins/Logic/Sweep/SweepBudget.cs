using System;
using System.Diagnostics;
using PropertyCrm.Domain;

namespace PropertyCrm.Plugins.Logic.Sweep;

/// <summary>Whether the sweep may still start work on another request.</summary>
public interface ISweepBudget
{
    bool IsSpent { get; }
}

/// <summary>
/// Elapsed-time budget of one sweep call, measured with a stopwatch from the call's start (infrastructure, not a
/// rule). Spent a safety margin before the budget itself — 10% of it, at most 10 s — so the request in hand, the
/// last writes and the commit still end well inside the platform's 2-minute limit.
/// </summary>
public sealed class StopwatchSweepBudget : ISweepBudget
{
    /// <summary>Used when the caller gives none.</summary>
    public const int DefaultSeconds = 60;

    /// <summary>Hard cap: the Custom API's transaction is cut off at 2 minutes; 100 s plus the margin keeps 20 s spare.</summary>
    public const int MaxSeconds = 100;

    private static readonly TimeSpan MaxMargin = TimeSpan.FromSeconds(10);
    private readonly Stopwatch stopwatch;
    private readonly TimeSpan stopAt;

    public StopwatchSweepBudget(Stopwatch started, int seconds)
    {
        stopwatch = Guard.NotNull(started, nameof(started));
        Budget = TimeSpan.FromSeconds(Math.Max(0, Math.Min(seconds, MaxSeconds)));
        stopAt = StopAt(seconds);
    }

    /// <summary>When a budget of <paramref name="seconds"/> (capped at <see cref="MaxSeconds"/>) counts as spent: the budget less its margin.</summary>
    public static TimeSpan StopAt(int seconds)
    {
        var budget = TimeSpan.FromSeconds(Math.Max(0, Math.Min(seconds, MaxSeconds)));
        return budget - TimeSpan.FromTicks(Math.Min(budget.Ticks / 10, MaxMargin.Ticks));
    }

    public TimeSpan Budget { get; }

    public bool IsSpent => stopwatch.Elapsed >= stopAt;
}
