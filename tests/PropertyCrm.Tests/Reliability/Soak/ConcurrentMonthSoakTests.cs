using System.Collections.Generic;
using System.Linq;
using Xunit.Abstractions;

namespace PropertyCrm.Tests.Reliability.Soak;

/// <summary>
/// A busy month of concurrent staff and scheduled sweeps on the same owners, units and rewards loses nothing: after it,
/// every <see cref="SoakInvariants"/> check holds and no operation failed other than by a rule's refusal or cleanly after
/// transient faults. Small in CI; <c>PCRM_SOAK_THREADS=16 PCRM_SOAK_OPERATIONS=2500 PCRM_SOAK_SEEDS=1-20</c> runs the big soak.
/// </summary>
public sealed class ConcurrentMonthSoakTests
{
    private readonly ITestOutputHelper output;

    public ConcurrentMonthSoakTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    public static IEnumerable<object[]> Seeds => SoakSettings.Seeds().Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Month_StaffAndSweepsAtOnce_InvariantsHold(int seed)
    {
        var settings = SoakSettings.FromEnvironment();
        using var world = new SoakWorld(settings);

        var finished = SoakMonth.Run(world, seed);

        output.WriteLine($"seed {seed}, {settings.Threads} threads, {settings.Operations} operations: {world.Tally}");
        output.WriteLine(SoakInvariants.FollowUpFigures(world));
        Assert.True(finished, $"seed {seed}: a thread did not finish within {settings.Bound} (a hang): {world.Tally}");
        Assert.True(world.Tally.Unexpected.Count == 0, $"seed {seed}: unexpected errors:\n" + string.Join("\n", world.Tally.Unexpected));
        foreach (var (name, check) in SoakInvariants.All)
        {
            var violations = check(world).Take(10).ToArray();
            Assert.True(violations.Length == 0, $"seed {seed}: {name}:\n" + string.Join("\n", violations));
        }

        Assert.True(world.Tally.Done >= settings.Operations / 3, $"seed {seed}: too little work got done to mean anything: {world.Tally}");
        Assert.True(SoakInvariants.FinishedFollowUps(world) > 0, $"seed {seed}: no 回访 was finished, so the 回访 invariants tested nothing: {world.Tally}");
    }
}
