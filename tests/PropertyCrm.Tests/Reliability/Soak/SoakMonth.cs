using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Steps.Lifecycle;
using PropertyCrm.Plugins.Steps.Loyalty.Sweeps;
using PropertyCrm.Plugins.Steps.Sla;
using PropertyCrm.Plugins.Steps.Sweeps;
using PropertyCrm.Tests.Support;

namespace PropertyCrm.Tests.Reliability.Soak;

/// <summary>
/// Runs a month: the staff threads (thread i works as <see cref="SoakStaff.Roles"/>[i mod 4], its choices drawn from a
/// generator seeded by the run's seed and i), the SLA sweep on one thread, and the owner sweeps with the asynchronous
/// service on another, all at once on real threads. Every staff operation moves the clock by a month / operations.
/// After the staff finish, the sweeps run once more to the end and the async service drains, as the next scheduled run
/// would, and the world is left for <see cref="SoakInvariants"/>.
/// </summary>
internal static class SoakMonth
{
    /// <summary>How often a thread waits (1 ms) for something to work on before it spends the operation anyway: bounds the run.</summary>
    private const int MaxWaitsPerThread = 2_000;

    private static readonly string[] OwnerSweeps = { RunPointsExpiryPlugin.ApiName, RunTierReviewPlugin.ApiName, RunLifecycleReviewPlugin.ApiName };

    /// <summary>Runs the month; false when a thread did not finish within the settings' bound (a hang).</summary>
    public static bool Run(SoakWorld world, int seed)
    {
        var settings = world.Settings;
        var step = TimeSpan.FromTicks(TimeSpan.FromDays(30).Ticks / settings.Operations);
        var staff = Enumerable.Range(0, settings.Threads)
            .Select(i => (Role: SoakStaff.Roles[i % SoakStaff.Roles.Count], User: world.Dataverse.CreateUser($"{SoakStaff.Roles[i % SoakStaff.Roles.Count].Name} {i + 1}")))
            .ToArray();
        using var staffDone = new CountdownEvent(settings.Threads);
        using var start = new Barrier(settings.Threads + 2);

        var threads = new List<Task>();
        for (var i = 0; i < settings.Threads; i++)
        {
            var index = i;
            var share = (settings.Operations / settings.Threads) + (index < settings.Operations % settings.Threads ? 1 : 0);
            threads.Add(RealThreads.OnThread(() =>
            {
                try
                {
                    var random = new Random((seed * 7919) + index);
                    var (role, user) = staff[index];
                    var service = world.Dataverse.ServiceFor(user);
                    start.SignalAndWait(RealThreads.Bound);
                    var waits = 0;
                    for (var n = 0; n < share;)
                    {
                        var activity = role.Choose(random);
                        if (!activity.Run(world, service, user, random) && waits < MaxWaitsPerThread)
                        {
                            // Nothing to work on yet (no request logged so far): wait for colleagues rather than spend the
                            // operation. Without this a 回访 agent's thread could run through its whole share before the
                            // first request existed, and a seed would test no 回访 at all.
                            waits++;
                            world.Tally.CountWait();
                            Thread.Sleep(1);
                            continue;
                        }

                        n++;
                        world.Dataverse.Clock.AdvanceBy(step);
                    }
                }
                finally
                {
                    staffDone.Signal();
                }
            }));
        }

        threads.Add(RealThreads.OnThread(() => Sweeper(world, start, staffDone, new[] { RunSlaSweepPlugin.ApiName }, drain: false, seed)));
        threads.Add(RealThreads.OnThread(() => Sweeper(world, start, staffDone, OwnerSweeps, drain: true, seed + 1)));

        if (!Task.WaitAll(threads.ToArray(), settings.Bound))
        {
            return false;
        }

        // The next scheduled runs: every sweep to its end, then the async service, retrying transient failures.
        var random = new Random(seed);
        foreach (var api in OwnerSweeps.Prepend(RunSlaSweepPlugin.ApiName))
        {
            SweepToEnd(world, api, random);
        }

        DrainAsync(world);
        return true;
    }

    private static void Sweeper(SoakWorld world, Barrier start, CountdownEvent staffDone, string[] apis, bool drain, int seed)
    {
        var random = new Random(seed * 31);
        start.SignalAndWait(RealThreads.Bound);
        while (!staffDone.IsSet)
        {
            foreach (var api in apis)
            {
                SweepToEnd(world, api, random);
            }

            if (drain)
            {
                DrainAsync(world);
            }

            Thread.Sleep(random.Next(1, 5));
        }
    }

    /// <summary>Calls a sweep until no records are left, retrying a call that hit a transient fault with the same token.</summary>
    private static void SweepToEnd(SoakWorld world, string api, Random random)
    {
        string? token = null;
        for (var call = 0; call < 500; call++)
        {
            var request = new OrganizationRequest(api);
            if (token is not null)
            {
                request[SweepApiFields.ContinuationTokenParameter] = token;
            }

            OrganizationResponse? response = null;
            world.Attempt(api, random, () => response = world.Dataverse.Service.Execute(request));
            world.Tally.CountSweepCall();
            if (response is null)
            {
                return;
            }

            token = response.Results[SweepApiFields.ContinuationTokenOutput] as string;
            if (!(bool)response.Results[SweepApiFields.MoreRecordsOutput])
            {
                return;
            }
        }

        world.Tally.Record($"{api}: did not finish in 500 calls");
    }

    /// <summary>The async service: runs queued jobs; a job that failed on a transient fault is retried, any other failure is a defect.</summary>
    private static void DrainAsync(SoakWorld world)
    {
        for (var round = 0; round < 10; round++)
        {
            world.Dataverse.DrainAsyncSteps();
            var failures = world.Dataverse.AsyncFailures;
            if (failures.Count == 0)
            {
                return;
            }

            foreach (var failure in failures.Where(f => f.Exception is not DataverseFaultException fault || !InjectedFaults.IsTransient(fault)))
            {
                world.Tally.Record("system job: " + failure);
            }

            world.Dataverse.RetryFailedAsyncSteps();
        }
    }
}
