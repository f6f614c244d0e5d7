using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PropertyCrm.Tests.Reliability.Soak;

/// <summary>
/// The soak's size. CI runs the small default (seconds); the big soak is the same test with environment variables:
/// <c>PCRM_SOAK_THREADS=16 PCRM_SOAK_OPERATIONS=2500 PCRM_SOAK_SEEDS=1-20</c> (README, "Reliability"); any size works.
/// </summary>
internal sealed class SoakSettings
{
    public const string ThreadsVariable = "PCRM_SOAK_THREADS";
    public const string OperationsVariable = "PCRM_SOAK_OPERATIONS";
    public const string SeedsVariable = "PCRM_SOAK_SEEDS";

    public SoakSettings(int threads, int operations)
    {
        Threads = threads;
        Operations = operations;
    }

    /// <summary>Staff threads (the sweep thread and the async service come on top).</summary>
    public int Threads { get; }

    /// <summary>Staff operations in the month, shared out over the threads.</summary>
    public int Operations { get; }

    /// <summary>Owners in the estate: enough contention on owners, units and rewards at any size.</summary>
    public int Owners => Math.Max(6, Threads * 2);

    /// <summary>
    /// How long the whole run may take before it counts as hung: a hang guard, not a timing assertion, generous because a
    /// shared CI machine may give the run a small share of its cores (10,000 operations took 10.5 minutes on a loaded
    /// 2-core machine).
    /// </summary>
    public TimeSpan Bound => TimeSpan.FromSeconds(120 + (Operations / 5));

    public static SoakSettings FromEnvironment() => new(
        Read(ThreadsVariable, 4),
        Read(OperationsVariable, 240));

    /// <summary>The seeds to run: <c>PCRM_SOAK_SEEDS</c> as "1-20" or "3,7", default 1 and 2.</summary>
    public static IEnumerable<int> Seeds()
    {
        var text = Environment.GetEnvironmentVariable(SeedsVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new[] { 1, 2 };
        }

        return text.Split(',').SelectMany(part =>
        {
            var range = part.Split('-');
            var from = int.Parse(range[0], CultureInfo.InvariantCulture);
            var to = range.Length > 1 ? int.Parse(range[1], CultureInfo.InvariantCulture) : from;
            return Enumerable.Range(from, to - from + 1);
        }).ToArray();
    }

    private static int Read(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
