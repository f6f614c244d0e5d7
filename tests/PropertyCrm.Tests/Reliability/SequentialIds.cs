using System;
using System.Globalization;
using System.Threading;

namespace PropertyCrm.Tests.Reliability;

/// <summary>
/// Repeatable row ids for <c>FakeDataverse.IdGenerator</c>: two beds arranged the same way get the same
/// ids, so a run with a fault and a run without can be compared row by row. Thread-safe.
/// </summary>
internal sealed class SequentialIds
{
    private long next;

    private const string Prefix = "5eed0000-0000-0000-0000-";

    /// <summary>Whether the id is the same in every run: made by this generator, or one of the harness's fixed ids.</summary>
    public static bool IsRepeatable(Guid id)
    {
        var text = id.ToString("D");
        return text.StartsWith(Prefix, StringComparison.Ordinal) || text.StartsWith("a0000000-0000-0000-0000-", StringComparison.Ordinal)
            || text.StartsWith("b0000000-0000-0000-0000-", StringComparison.Ordinal) || text.StartsWith("c0000000-0000-0000-0000-", StringComparison.Ordinal);
    }

    public Guid Next()
    {
        var n = Interlocked.Increment(ref next);
        return Guid.ParseExact(Prefix + n.ToString("x12", CultureInfo.InvariantCulture), "D");
    }
}
