using System;
using System.Collections.Generic;
using PropertyCrm.Domain.ServiceRequests.Dispatch;

namespace PropertyCrm.Tests.Domain.ServiceRequests;

public sealed class DispatchSelectorTests
{
    private static readonly Guid Sunshine = G(0xA1);
    private static readonly Guid Jade = G(0xA2);
    private const int Maintenance = 548210003;
    private const int Cleaning = 548210001;

    private static readonly Guid U1 = G(1);
    private static readonly Guid U2 = G(2);
    private static readonly Guid U3 = G(3);

    private static readonly DispatchRule Company = Rule(0x10, null, null);
    private static readonly DispatchRule Line = Rule(0x11, null, Maintenance);
    private static readonly DispatchRule Property = Rule(0x12, Sunshine, null);
    private static readonly DispatchRule PropertyLine = Rule(0x13, Sunshine, Maintenance);

    public static TheoryData<string, Guid?, int?, string?> MatchCases() => new()
    {
        // rules present (C company, L line, P property, B both) | property | line | expected
        { "CLPB", Sunshine, Maintenance, "B" },
        { "CLP", Sunshine, Maintenance, "P" },
        { "CL", Sunshine, Maintenance, "L" },
        { "C", Sunshine, Maintenance, "C" },
        { "CLPB", Sunshine, Cleaning, "P" },
        { "CLPB", Jade, Maintenance, "L" },
        { "CLPB", Jade, Cleaning, "C" },
        { "CLPB", Jade, null, "C" },
        { "LPB", Jade, Cleaning, null },
        { "", Sunshine, Maintenance, null },
    };

    [Theory]
    [MemberData(nameof(MatchCases))]
    public void Match_RulesPropertyAndLine_MostSpecificActiveRuleWins(string present, Guid? property, int? line, string? expected)
    {
        var all = new Dictionary<char, DispatchRule> { ['C'] = Company, ['L'] = Line, ['P'] = Property, ['B'] = PropertyLine };
        var rules = new List<DispatchRule>();
        foreach (var c in present)
        {
            rules.Add(all[c]);
        }

        // Arrival order must not matter.
        rules.Reverse();
        var match = DispatchSelector.Match(rules, property, line);

        Assert.Equal(expected is null ? null : all[expected[0]], match);
    }

    [Fact]
    public void Match_TwoRulesEquallySpecific_SmallerIdWins()
    {
        var a = Rule(0x20, Sunshine, null);
        var b = Rule(0x21, Sunshine, null);

        Assert.Equal(a, DispatchSelector.Match(new[] { b, a }, Sunshine, Maintenance));
    }

    public static TheoryData<int, int, int, Guid> LeastLoadedCases() => new()
    {
        // load of U1, U2, U3 → chosen
        { 3, 1, 2, U2 },
        { 0, 0, 0, U1 },
        { 2, 1, 1, U2 },
        { 5, 5, 0, U3 },
    };

    [Theory]
    [MemberData(nameof(LeastLoadedCases))]
    public void PickMember_LeastLoaded_FewestOpenThenSmallestId(int l1, int l2, int l3, Guid expected)
    {
        var rule = Company with { TeamId = G(0x99), UserId = null, Strategy = DispatchStrategy.LeastLoaded };
        var loads = new Dictionary<Guid, int> { [U1] = l1, [U2] = l2, [U3] = l3 };

        Assert.Equal(expected, DispatchSelector.PickMember(rule, new[] { U3, U1, U2 }, loads));
    }

    [Fact]
    public void PickMember_LeastLoadedMemberWithoutCount_CountsAsZero()
    {
        var rule = Company with { TeamId = G(0x99), UserId = null };

        Assert.Equal(U3, DispatchSelector.PickMember(rule, new[] { U1, U2, U3 }, new Dictionary<Guid, int> { [U1] = 1, [U2] = 1 }));
    }

    public static TheoryData<Guid?, Guid> RoundRobinCases() => new()
    {
        // last assignee → next
        { null, U1 },
        { U1, U2 },
        { U2, U3 },
        { U3, U1 },
        { G(0x50), U1 },
    };

    [Theory]
    [MemberData(nameof(RoundRobinCases))]
    public void PickMember_RoundRobin_MemberAfterTheLastAssigned(Guid? last, Guid expected)
    {
        var rule = Company with { TeamId = G(0x99), UserId = null, Strategy = DispatchStrategy.RoundRobin, LastAssigneeId = last };
        var busy = new Dictionary<Guid, int> { [expected] = 9 };

        Assert.Equal(expected, DispatchSelector.PickMember(rule, new[] { U2, U3, U1 }, busy));
    }

    [Fact]
    public void PickMember_RoundRobinLastAssigneeLeftTeam_NextByIdAfterThem()
    {
        var rule = Company with { TeamId = G(0x99), UserId = null, Strategy = DispatchStrategy.RoundRobin, LastAssigneeId = U3 };

        Assert.Equal(G(4), DispatchSelector.PickMember(rule, new[] { U1, U2, G(4) }, new Dictionary<Guid, int>()));
    }

    [Fact]
    public void PickMember_EmptyTeam_Null()
    {
        Assert.Null(DispatchSelector.PickMember(Company with { TeamId = G(0x99) }, Array.Empty<Guid>(), new Dictionary<Guid, int>()));
    }

    private static DispatchRule Rule(int id, Guid? property, int? line) =>
        new(G(id), property, line, G(0x77), null, DispatchStrategy.LeastLoaded, null);

    private static Guid G(int n) => new($"00000000-0000-0000-0000-{n:x12}");
}
