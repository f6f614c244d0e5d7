using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace PropertyCrm.Tests.Reliability.Soak;

/// <summary>What the staff's operations came to: done, refused by a rule, retried after a transient fault, given up.</summary>
internal sealed class SoakTally
{
    private readonly ConcurrentQueue<string> unexpected = new();
    private int done;
    private int refused;
    private int retries;
    private int gaveUp;
    private int sweepCalls;
    private int waits;

    public int Done => Volatile.Read(ref done);

    /// <summary>Operations a business rule refused with its bilingual message (not enough points, out of stock, a move the lifecycle forbids).</summary>
    public int Refused => Volatile.Read(ref refused);

    /// <summary>Attempts repeated after a transient fault (deadlock victim, lock timeout): the client's retry policy.</summary>
    public int Retries => Volatile.Read(ref retries);

    /// <summary>Operations that failed cleanly after every retry hit a transient fault (nothing written; the invariants prove it).</summary>
    public int GaveUp => Volatile.Read(ref gaveUp);

    public int SweepCalls => Volatile.Read(ref sweepCalls);

    /// <summary>Times a staff thread found nothing to work on yet and waited instead of spending an operation.</summary>
    public int Waits => Volatile.Read(ref waits);

    /// <summary>Errors that are neither a rule's refusal nor transient: defects.</summary>
    public IReadOnlyList<string> Unexpected => unexpected.ToArray();

    public void CountDone() => Interlocked.Increment(ref done);

    public void CountRefused() => Interlocked.Increment(ref refused);

    public void CountRetry() => Interlocked.Increment(ref retries);

    public void CountGaveUp() => Interlocked.Increment(ref gaveUp);

    public void CountSweepCall() => Interlocked.Increment(ref sweepCalls);

    public void CountWait() => Interlocked.Increment(ref waits);

    public void Record(string error)
    {
        if (unexpected.Count < 50)
        {
            unexpected.Enqueue(error);
        }
    }

    public override string ToString() =>
        $"done {Done}, refused {Refused}, retries {Retries}, gave up {GaveUp}, sweep calls {SweepCalls}, waits {Waits}, unexpected {unexpected.Count}" +
        (unexpected.IsEmpty ? string.Empty : ": " + string.Join(" | ", unexpected.Take(3)));
}
