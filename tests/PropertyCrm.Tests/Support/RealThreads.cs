using System;
using System.Threading;
using System.Threading.Tasks;

namespace PropertyCrm.Tests.Support;

/// <summary>
/// Starting work on dedicated threads for the concurrency tests, and the one bound every wait in them uses, so a
/// locking bug fails the test instead of hanging the run.
/// </summary>
internal static class RealThreads
{
    /// <summary>How long a test waits for a barrier, a signal or its threads; a hang guard, not a timing assertion.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="work"/> on its own thread (not the pool, so blocked workers cannot starve each other).</summary>
    public static Task<T> OnThread<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <inheritdoc cref="OnThread{T}(Func{T})"/>
    public static Task OnThread(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
