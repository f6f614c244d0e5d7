using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Harness;
using PropertyCrm.Plugins.Execution;
using PropertyCrm.Plugins.Logic.Sweep;
using PropertyCrm.Schema;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Tests.ServiceRequests.Sweep;

/// <summary>Pages, the time budget, continuation tokens, the page-size environment variable and input checks.</summary>
public sealed class SlaSweepPagingTests
{
    private readonly SweepWorld world = new();

    [Fact]
    public void Sweep_TwelveDuePageSizeFive_ReadsThreePagesInOneCall()
    {
        var requests = world.Requests(12);
        world.AtMinute(23);

        var outcome = world.Sweep(pageSize: 5);

        Assert.Equal(12, outcome.Processed);
        Assert.Equal(12, outcome.Escalated);
        Assert.False(outcome.MoreRecords);
        Assert.Equal(3, IndexQueries(world.LastCalls));
        Assert.All(requests, r => Assert.Equal("FR Warning", world.Rungs(r)));
    }

    [Fact]
    public void Sweep_ZeroBudget_HandlesOneRequestPerCallAndResumesWithTheToken()
    {
        var requests = world.Requests(12);
        world.AtMinute(23);

        var outcomes = new List<SweepOutcome>();
        string? token = null;
        do
        {
            var outcome = world.Sweep(pageSize: 5, budgetSeconds: 0, token: token);
            outcomes.Add(outcome);
            token = outcome.Token;
        }
        while (outcomes[outcomes.Count - 1].MoreRecords && outcomes.Count < 20);

        Assert.Equal(12, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(1, o.Processed));
        Assert.Equal(Enumerable.Repeat(true, 11).Concat(new[] { false }), outcomes.Select(o => o.MoreRecords));
        Assert.All(requests, r => Assert.Equal("FR Warning", world.Rungs(r)));
        Assert.Equal(0, world.Sweep().Processed);
    }

    [Fact]
    public void Run_BudgetSpentMidPage_LeavesTheRestDueAndTheNextCallFinishesThem()
    {
        var requests = world.Requests(12);
        world.AtMinute(23);
        var now = world.Dataverse.Clock.UtcNow;

        // The budget seam: spent at the 8th check. Checks come before each page query and each write but the first of a
        // call: page one's writes 2–5 are checks 1–4, page two's query check 5, its writes 1–2 checks 6–7, so the
        // call stops before page two's third request, read but not written.
        var scope = new ExecutionScope(() => world.Dataverse.Service, () => world.Dataverse.Service, Guid.NewGuid(), now, _ => { });
        var first = new SlaSweep(scope).Run(new SweepRequest(now, 5, null), new CountingBudget(7));
        var second = new SlaSweep(scope).Run(new SweepRequest(now, 5, first.Continuation), new CountingBudget(1000));

        Assert.True(first.MoreRecords);
        Assert.Equal(7, first.Processed);
        Assert.Equal(5, second.Processed);
        Assert.False(second.MoreRecords);
        Assert.All(requests, r => Assert.Equal("FR Warning", world.Rungs(r)));
    }

    [Fact]
    public void Sweep_TokenOfAnEarlierCall_SkipsARequestThatStaysDueButANewRunRetriesIt()
    {
        var broken = world.Request(frCalendar: "no-such-calendar");
        var requests = world.Requests(3);
        world.AtMinute(23);

        var first = world.Sweep(budgetSeconds: 0);
        var all = new List<SweepOutcome> { first };
        while (all[all.Count - 1].MoreRecords && all.Count < 10)
        {
            all.Add(world.Sweep(budgetSeconds: 0, token: all[all.Count - 1].Token));
        }

        Assert.Equal(4, all.Sum(o => o.Processed)); // the broken one once, not again and again
        Assert.Empty(world.Escalations(broken));
        Assert.Equal(SweepWorld.Start, world.NextIndex(broken)); // still due: retried once an admin fixes the calendar
        Assert.All(requests, r => Assert.Equal("FR Warning", world.Rungs(r)));
        Assert.Equal(1, world.Sweep().Processed); // a fresh run (no token) meets it again
    }

    [Fact]
    public void Sweep_NoPageSizeGiven_ReadsTheEnvironmentVariableInOneCall()
    {
        var definition = world.Dataverse.Seed(new Entity("environmentvariabledefinition")
        {
            ["schemaname"] = EnvironmentVariables.SlaSweepPageSize,
            ["defaultvalue"] = "500",
        });
        world.Dataverse.Seed(new Entity("environmentvariablevalue")
        {
            ["environmentvariabledefinitionid"] = new EntityReference("environmentvariabledefinition", definition),
            ["value"] = "2",
        });
        world.Requests(5);
        world.AtMinute(23);

        var outcome = world.Sweep(pageSize: null);

        Assert.Equal(5, outcome.Processed);
        Assert.Equal(3, IndexQueries(world.LastCalls)); // pages of 2, 2, 1
        Assert.Equal(1, world.LastCalls.Calls.Count(c => c.EntityName == "environmentvariabledefinition"));
    }

    [Theory]
    [InlineData(null, null, 500)]
    [InlineData("300", null, 300)]
    [InlineData("300", "40", 40)]
    [InlineData("9000", null, 5000)]
    [InlineData("abc", "0", 500)]
    public void ReadPageSize_DefinitionAndValue_CurrentValueWinsThenDefaultThen500(string? defaultValue, string? value, int expected)
    {
        if (defaultValue is not null)
        {
            var definition = world.Dataverse.Seed(new Entity("environmentvariabledefinition")
            {
                ["schemaname"] = EnvironmentVariables.SlaSweepPageSize,
                ["defaultvalue"] = defaultValue,
            });
            if (value is not null)
            {
                world.Dataverse.Seed(new Entity("environmentvariablevalue")
                {
                    ["environmentvariabledefinitionid"] = new EntityReference("environmentvariabledefinition", definition),
                    ["value"] = value,
                });
            }
        }

        Assert.Equal(expected, SweepPageSizeSetting.Read(world.Dataverse.Service));
    }

    [Theory]
    [InlineData(0, null, null)]
    [InlineData(null, -1, null)]
    [InlineData(null, null, "not-a-token")]
    [InlineData(null, null, "v1:123:xyz")]
    public void Sweep_InvalidInput_RefusedWithBilingualMessage(int? pageSize, int? budget, string? token)
    {
        var fault = Assert.Throws<DataverseFaultException>(() => world.Sweep(pageSize: pageSize ?? 500, budgetSeconds: budget, token: token));

        Assert.Matches("[\\u4e00-\\u9fff].* / .*[A-Za-z]", fault.Message);
    }

    [Fact]
    public void Continuation_FormatThenParse_RoundTrips()
    {
        var token = new SweepContinuation(new DateTime(2025, 1, 6, 1, 22, 30, DateTimeKind.Utc), Guid.NewGuid());

        var parsed = SweepContinuation.Parse(token.ToString())!;

        Assert.Equal(token.NextEscalationOnUtc, parsed.NextEscalationOnUtc);
        Assert.Equal(token.RequestId, parsed.RequestId);
        Assert.Null(SweepContinuation.Parse(" "));
    }

    [Theory]
    [InlineData(60, 54)]
    [InlineData(100, 90)]
    [InlineData(500, 90)] // capped at 100 s
    [InlineData(10, 9)]
    public void StopwatchBudget_Seconds_StopsAtTheBudgetLessItsMargin(int seconds, int stopsAfter)
    {
        var budget = new StopwatchSweepBudget(new System.Diagnostics.Stopwatch(), seconds);

        Assert.Equal(TimeSpan.FromSeconds(Math.Min(seconds, StopwatchSweepBudget.MaxSeconds)), budget.Budget);
        Assert.False(budget.IsSpent); // a stopwatch that never ran: zero elapsed
        Assert.Equal(stopsAfter, (int)StopwatchSweepBudget.StopAt(seconds).TotalSeconds);
    }

    private static int IndexQueries(PropertyCrm.Harness.Diagnostics.CallCounts calls) =>
        calls.Calls.Count(c => c.MessageName == "RetrieveMultiple" && c.EntityName == ServiceRequestTable.LogicalName) / 2;

    /// <summary>A budget spent after a given number of checks: the test decides where the sweep stops.</summary>
    private sealed class CountingBudget : ISweepBudget
    {
        private int left;

        public CountingBudget(int checks) => left = checks;

        public bool IsSpent => left-- <= 0;
    }
}
