using System;
using PropertyCrm.Domain;
using PropertyCrm.Domain.ServiceRequests.Dispatch;

namespace PropertyCrm.Tests.Domain.ServiceRequests;

public sealed class DispatchRuleValidatorTests
{
    private const int Maintenance = 548210003;
    private const int Cleaning = 548210001;

    private static readonly Guid Sunshine = G(0xA1);
    private static readonly Guid Jade = G(0xA2);
    private static readonly Guid User = G(1);
    private static readonly Guid Team = G(2);

    public static TheoryData<bool, bool, bool, string?> TargetCases() => new()
    {
        // user | team | active | expected code (null = saved)
        { true, false, true, null },
        { false, true, true, null },
        { true, true, true, DispatchErrorCodes.TargetBothOrNeither },
        { false, false, true, DispatchErrorCodes.TargetBothOrNeither },
        // An inactive rule is never used by dispatch: deactivating an old, invalid rule is always allowed.
        { true, true, false, null },
        { false, false, false, null },
    };

    public static TheoryData<string, Guid?, int?, bool, bool, string?> ClashCases() => new()
    {
        // other rule's name | its property | its line | it is active | the saved rule is active | expected code
        { "同条件", Sunshine, Maintenance, true, true, DispatchErrorCodes.DuplicateRule },
        { "其他项目", Jade, Maintenance, true, true, null },
        { "其他条线", Sunshine, Cleaning, true, true, null },
        { "全部条线", Sunshine, null, true, true, null },
        { "全公司", null, Maintenance, true, true, null },
        { "停用的同条件", Sunshine, Maintenance, false, true, null },
        { "同条件", Sunshine, Maintenance, true, false, null },
    };

    [Theory]
    [MemberData(nameof(TargetCases))]
    public void Validate_UserAndTeamPresence_ExactlyOneWhileActive(bool user, bool team, bool active, string? expected)
    {
        var rule = Draft(Guid.NewGuid(), "规则", Sunshine, Maintenance, active) with { UserId = user ? User : null, TeamId = team ? Team : null };

        Assert.Equal(expected, CodeOf(() => DispatchRuleValidator.Validate(rule, Array.Empty<DispatchRuleDraft>())));
    }

    [Theory]
    [MemberData(nameof(ClashCases))]
    public void Validate_OtherRuleCriteriaAndState_ClashesOnlyWhenBothActiveWithSameCriteria(
        string name,
        Guid? property,
        int? line,
        bool otherActive,
        bool active,
        string? expected)
    {
        var other = Draft(G(0x20), name, property, line, otherActive);
        var rule = Draft(Guid.Empty, "新规则", Sunshine, Maintenance, active);

        Assert.Equal(expected, CodeOf(() => DispatchRuleValidator.Validate(rule, new[] { other })));
    }

    [Fact]
    public void Validate_CompanyWideRuleBesideCompanyWideRule_RefusedNamingIt()
    {
        var other = Draft(G(0x20), "全公司 维修", null, null, true);

        var error = Assert.Throws<DomainException>(() => DispatchRuleValidator.Validate(Draft(Guid.Empty, "新", null, null, true), new[] { other }));

        Assert.Equal(DispatchErrorCodes.DuplicateRule, error.Code);
        Assert.Contains("'全公司 维修'", error.Message, StringComparison.Ordinal);
        Assert.Matches("[\\u4e00-\\u9fff].* / .*[A-Za-z]", error.Message);
    }

    [Fact]
    public void Validate_RowItselfAmongActiveRules_NotADuplicateOfItself()
    {
        var saved = Draft(G(0x20), "规则", Sunshine, Maintenance, true);

        DispatchRuleValidator.Validate(saved, new[] { saved });
    }

    private static DispatchRuleDraft Draft(Guid id, string name, Guid? property, int? line, bool active) =>
        new(id, name, property, line, User, null, active);

    private static string? CodeOf(Action validate)
    {
        try
        {
            validate();
            return null;
        }
        catch (DomainException e)
        {
            return e.Code;
        }
    }

    private static Guid G(int n) => new(n, 0, 0, new byte[8]);
}
