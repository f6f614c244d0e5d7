using System;

namespace PropertyCrm.Domain;

/// <summary>
/// Dataverse stores date-times to the second: an instant the rules compute is brought to that precision in one way
/// everywhere, so what is written is exactly what the next read rebuilds.
/// </summary>
public static class InstantPrecision
{
    /// <summary>The instant with its sub-second ticks dropped (towards the past), keeping its offset.</summary>
    public static DateTimeOffset TruncateToSecond(DateTimeOffset instant) =>
        new DateTimeOffset(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerSecond), instant.Offset);
}
