using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PropertyCrm.Harness;

namespace PropertyCrm.Tests.Reliability;

/// <summary>
/// Every operation of the catalog (<see cref="FaultScenarios"/>) survives each of the injected faults at each of its
/// calls: synchronous ones leave the store exactly as it was with a clear error, sweeps resumed from the last good
/// continuation token end as a run without faults, asynchronous steps leave nothing half-done and complete once on retry.
/// </summary>
public sealed class FaultInjectionTests
{
    public static IEnumerable<object[]> Scenarios => FaultScenarios.All.Select(s => new object[] { s.Name });

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Operation_FaultAtEveryCall_SurvivesAsItsKindRequires(string name)
    {
        var reference = FaultMatrix.Measurements.Single(m => m.Scenario.Name == name);

        for (var position = 1; position <= reference.Calls; position++)
        {
            foreach (var kind in FaultMatrix.KindsAt(reference.Scenario, position))
            {
                FaultRunner.RunWithFault(reference, position, kind);
            }
        }
    }

    [Fact]
    public void Catalog_EveryEntry_ReachedByAScenario()
    {
        var reached = FaultMatrix.Measurements.SelectMany(m => FaultMatrix.EntriesReached(m.Traces)).ToHashSet(StringComparer.Ordinal);

        var missing = FaultMatrix.AllEntries().Select(e => e.Name).Where(n => !reached.Contains(n)).ToArray();

        Assert.True(missing.Length == 0, "Catalog entries no fault scenario runs (add one to Reliability/FaultScenarios.cs):\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Registry_ScenarioNames_Unique()
    {
        Assert.Equal(FaultScenarios.All.Count, FaultScenarios.All.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Readme_ReliabilityTable_MatchesTheScenarioRuns()
    {
        var readme = File.ReadAllText(FaultMatrix.ReadmePath);
        var expected = FaultMatrix.Markdown();
        var current = FaultMatrix.ReadmeSection(readme);
        if (Environment.GetEnvironmentVariable(FaultMatrix.UpdateVariable) == "1" && current is not null && current != expected)
        {
            File.WriteAllText(FaultMatrix.ReadmePath, readme.Replace(current, expected, StringComparison.Ordinal));
            current = expected;
        }

        Assert.True(current is not null, $"README.md lacks the generated reliability table between {FaultMatrix.Begin} and {FaultMatrix.End}.");
        Assert.True(
            expected == current,
            $"README.md's reliability table is out of date; run `{FaultMatrix.UpdateVariable}=1 dotnet test tests/PropertyCrm.Tests -c Release --filter FaultInjectionTests` and commit README.md.");
    }

    [Fact]
    public void FailCall_PositionBelowOne_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FakeDataverse().FailCall(0, InjectedFaultKind.SqlTimeout));
    }
}
