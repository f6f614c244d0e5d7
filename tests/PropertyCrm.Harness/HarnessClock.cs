using System;
using System.Threading;

namespace PropertyCrm.Harness;

/// <summary>
/// The harness's only source of "now" (UTC). Every system timestamp (createdon, modifiedon) and every
/// OperationCreatedOn comes from here, so a test moves time instead of waiting for it.
/// Starts at <see cref="DefaultStart"/>, a fixed instant, so runs are reproducible.
/// </summary>
public sealed class HarnessClock
{
    /// <summary>Monday 6 January 2025, 01:00 UTC = 09:00 China Standard Time: a normal working morning.</summary>
    public static readonly DateTime DefaultStart = new(2025, 1, 6, 1, 0, 0, DateTimeKind.Utc);

    private long ticks = DefaultStart.Ticks;

    public DateTime UtcNow => new(Interlocked.Read(ref ticks), DateTimeKind.Utc);

    public void AdvanceBy(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "The clock only moves forward; use SetClock to go back.");
        }

        Interlocked.Add(ref ticks, duration.Ticks);
    }

    /// <summary>Sets the clock. A value of unspecified kind is taken as UTC; local time is converted.</summary>
    public void SetClock(DateTime utc)
    {
        var value = utc.Kind switch
        {
            DateTimeKind.Local => utc.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(utc, DateTimeKind.Utc),
            _ => utc,
        };
        Interlocked.Exchange(ref ticks, value.Ticks);
    }
}
