using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Harness.Diagnostics;
using PropertyCrm.Plugins.Steps.Sweeps;

namespace PropertyCrm.Tests.Reliability;

/// <summary>
/// Runs a <see cref="FaultScenario"/> without a fault (to count its calls and record its end state) and with a fault at
/// one call position, and asserts what its <see cref="OperationKind"/> requires.
/// </summary>
internal static class FaultRunner
{
    /// <summary>A sweep that needs more calls than this never finishes: a continuation bug.</summary>
    private const int MaxSweepCalls = 200;

    private static readonly Type[] CrashTypes = { typeof(NullReferenceException), typeof(InvalidCastException), typeof(KeyNotFoundException), typeof(IndexOutOfRangeException) };

    /// <summary>The scenario without faults: how many calls its operation makes, the plug-ins that ran, the end state.</summary>
    public static Measurement Measure(FaultScenario scenario)
    {
        using var bed = new ScenarioBed();
        var dataverse = bed.Dataverse;
        switch (scenario.Kind)
        {
            case OperationKind.Synchronous:
                {
                    var act = scenario.ArrangeAct!(bed);
                    var arranged = StoreFingerprint.Ids(dataverse.CaptureStore());
                    dataverse.ResetDiagnostics();
                    dataverse.FailCall(int.MaxValue, InjectedFaultKind.DeadlockVictim);
                    if (scenario.Refuses)
                    {
                        var refusal = Assert.Throws<DataverseFaultException>(act);
                        Assert.Matches("[\\u4e00-\\u9fff].*[A-Za-z]", refusal.Message);
                    }
                    else
                    {
                        act();
                    }

                    return new Measurement(scenario, dataverse.CallsSinceArmed, dataverse.Traces, StoreFingerprint.Of(dataverse.CaptureStore(), arranged));
                }

            case OperationKind.Asynchronous:
                {
                    var act = scenario.ArrangeAct!(bed);
                    var arranged = StoreFingerprint.Ids(dataverse.CaptureStore());
                    dataverse.ResetDiagnostics();
                    act();
                    dataverse.FailCall(int.MaxValue, InjectedFaultKind.DeadlockVictim);
                    Assert.True(dataverse.DrainAsyncSteps() > 0, $"{scenario}: no asynchronous step was queued.");
                    Assert.Empty(dataverse.AsyncFailures);
                    return new Measurement(scenario, dataverse.CallsSinceArmed, dataverse.Traces, StoreFingerprint.Of(dataverse.CaptureStore(), arranged));
                }

            default:
                {
                    var first = scenario.ArrangeSweep!(bed);
                    var arranged = StoreFingerprint.Ids(dataverse.CaptureStore());
                    dataverse.ResetDiagnostics();
                    dataverse.FailCall(int.MaxValue, InjectedFaultKind.DeadlockVictim);
                    var pages = RunSweep(scenario, dataverse, first);
                    Assert.True(pages > 1, $"{scenario}: the sweep finished in one call, so no continuation token was exercised.");
                    return new Measurement(scenario, dataverse.CallsSinceArmed, dataverse.Traces, StoreFingerprint.Of(dataverse.CaptureStore(), arranged));
                }
        }
    }

    /// <summary>Runs the scenario with <paramref name="kind"/> injected at call <paramref name="position"/> and asserts it survives.</summary>
    public static void RunWithFault(Measurement reference, int position, InjectedFaultKind kind)
    {
        var scenario = reference.Scenario;
        var where = $"{scenario} with {kind} at call {position} of {reference.Calls}";
        using var bed = new ScenarioBed();
        var dataverse = bed.Dataverse;
        switch (scenario.Kind)
        {
            case OperationKind.Synchronous:
                {
                    var act = scenario.ArrangeAct!(bed);
                    var before = dataverse.CaptureStore();
                    var pending = dataverse.PendingAsyncSteps;
                    dataverse.FailCall(position, kind);
                    var fault = Assert.Throws<DataverseFaultException>(act);
                    Assert.True(dataverse.InjectedFaultRaised, $"{where}: call {position} was never made.");
                    dataverse.ClearInjectedFault();
                    AssertClearError(where, fault);
                    AssertUnchanged(where, before, dataverse.CaptureStore());
                    Assert.Equal(pending, dataverse.PendingAsyncSteps);

                    // The caller's retry succeeds (or is refused as before) and ends as the run without faults.
                    var arranged = StoreFingerprint.Ids(before);
                    if (scenario.Refuses)
                    {
                        Assert.Throws<DataverseFaultException>(act);
                    }
                    else
                    {
                        act();
                    }

                    AssertSameEnd(where, reference.End, StoreFingerprint.Of(dataverse.CaptureStore(), arranged));
                    return;
                }

            case OperationKind.Asynchronous:
                {
                    var act = scenario.ArrangeAct!(bed);
                    var arranged = StoreFingerprint.Ids(dataverse.CaptureStore());
                    act();
                    var before = dataverse.CaptureStore();
                    dataverse.FailCall(position, kind);
                    dataverse.DrainAsyncSteps();
                    Assert.True(dataverse.InjectedFaultRaised, $"{where}: call {position} was never made.");
                    dataverse.ClearInjectedFault();
                    var failure = Assert.Single(dataverse.AsyncFailures);
                    AssertClearError(where, Assert.IsType<DataverseFaultException>(failure.Exception));
                    AssertUnchanged(where, before, dataverse.CaptureStore());

                    Assert.Equal(1, dataverse.RetryFailedAsyncSteps());
                    dataverse.DrainAsyncSteps();
                    Assert.Empty(dataverse.AsyncFailures);
                    AssertSameEnd(where, reference.End, StoreFingerprint.Of(dataverse.CaptureStore(), arranged));
                    return;
                }

            default:
                {
                    var first = scenario.ArrangeSweep!(bed);
                    var arranged = StoreFingerprint.Ids(dataverse.CaptureStore());
                    dataverse.FailCall(position, kind);
                    RunSweep(scenario, dataverse, first, where);
                    Assert.True(dataverse.InjectedFaultRaised, $"{where}: call {position} was never made.");
                    AssertSameEnd(where, reference.End, StoreFingerprint.Of(dataverse.CaptureStore(), arranged));
                    return;
                }
        }
    }

    /// <summary>
    /// Calls the sweep until it reports no more records, passing on the continuation token of the last successful call.
    /// A call that fails with the injected fault must leave the store as it was; the next call repeats it with the same
    /// token (what the scheduling flow does). Returns the number of successful calls.
    /// </summary>
    private static int RunSweep(FaultScenario scenario, FakeDataverse dataverse, Func<OrganizationRequest> first, string? where = null)
    {
        string? token = null;
        var faults = 0;
        for (var call = 1; call <= MaxSweepCalls; call++)
        {
            var request = first();
            if (token is not null)
            {
                request[SweepApiFields.ContinuationTokenParameter] = token;
            }

            var before = dataverse.CaptureStore();
            OrganizationResponse response;
            try
            {
                response = dataverse.Service.Execute(request);
            }
            catch (DataverseFaultException fault) when (where is not null && faults == 0 && dataverse.InjectedFaultRaised)
            {
                faults++;
                AssertClearError(where, fault);
                AssertUnchanged(where, before, dataverse.CaptureStore());
                continue;
            }

            token = response.Results.TryGetValue(SweepApiFields.ContinuationTokenOutput, out var next) ? next as string : null;
            if (!(bool)response.Results[SweepApiFields.MoreRecordsOutput])
            {
                return call - faults;
            }
        }

        throw new InvalidOperationException($"{scenario}: the sweep did not finish in {MaxSweepCalls} calls.");
    }

    private static void AssertClearError(string where, DataverseFaultException fault)
    {
        Assert.True(fault.Message.Contains("(injected", StringComparison.Ordinal), $"{where}: the caller's error does not carry the fault: {fault.Message}");
        for (Exception? e = fault; e is not null; e = e.InnerException)
        {
            Assert.False(CrashTypes.Contains(e.GetType()), $"{where}: {e.GetType().Name} in the error chain: {e}");
        }
    }

    private static void AssertSameEnd(string where, IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var missing = expected.Except(actual, StringComparer.Ordinal).ToArray();
        var extra = actual.Except(expected, StringComparer.Ordinal).ToArray();
        Assert.True(
            missing.Length == 0 && extra.Length == 0 && expected.Count == actual.Count,
            $"{where}: the end state differs from the run without faults.\nOnly without faults:\n{string.Join("\n", missing)}\nOnly with the fault:\n{string.Join("\n", extra)}\nRows: {expected.Count} vs {actual.Count}");
    }

    private static void AssertUnchanged(string where, StoreImage before, StoreImage after)
    {
        var differences = before.Differences(after);
        Assert.True(differences.Count == 0, $"{where}: the store changed:\n" + string.Join("\n", differences.Take(20)));
    }

    /// <summary>A scenario's run without faults.</summary>
    internal sealed class Measurement
    {
        public Measurement(FaultScenario scenario, int calls, IReadOnlyList<PluginTrace> traces, IReadOnlyList<string> end)
        {
            Scenario = scenario;
            Calls = calls;
            Traces = traces;
            End = end;
        }

        public FaultScenario Scenario { get; }

        /// <summary>Organization-service calls the operation's plug-ins made: the fault positions 1…Calls.</summary>
        public int Calls { get; }

        public IReadOnlyList<PluginTrace> Traces { get; }

        public IReadOnlyList<string> End { get; }
    }
}
