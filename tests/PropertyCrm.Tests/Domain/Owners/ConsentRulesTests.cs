using System;
using System.Globalization;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Owners;

namespace PropertyCrm.Tests.Domain.Owners;

public sealed class ConsentRulesTests
{
    private static readonly DateTimeOffset Now = At("2026-03-10T10:00:00+08:00");

    /// <summary>current granted, grantedOn, withdrawnOn | change granted, entered grantedOn, entered withdrawnOn | expected granted, grantedOn, withdrawnOn.</summary>
    public static TheoryData<bool, string?, string?, bool?, string?, string?, bool, string?, string?> Cases => new()
    {
        // Grant stamps now.
        { false, null, null, true, null, null, true, "2026-03-10T10:00:00+08:00", null },
        // Grant with a paper date keeps it.
        { false, null, null, true, "2026-03-09T15:00:00+08:00", null, true, "2026-03-09T15:00:00+08:00", null },
        // Re-grant after withdrawal: new grant date, withdrawal history kept.
        { false, "2025-01-01T09:00:00+08:00", "2025-06-01T09:00:00+08:00", true, null, null, true, "2026-03-10T10:00:00+08:00", "2025-06-01T09:00:00+08:00" },
        // Withdraw stamps now and keeps the grant date.
        { true, "2025-01-01T09:00:00+08:00", null, false, null, null, false, "2025-01-01T09:00:00+08:00", "2026-03-10T10:00:00+08:00" },
        // Unchanged flag: nothing moves.
        { true, "2025-01-01T09:00:00+08:00", null, true, null, null, true, "2025-01-01T09:00:00+08:00", null },
        // Flag absent from the request: nothing moves.
        { true, "2025-01-01T09:00:00+08:00", null, null, null, null, true, "2025-01-01T09:00:00+08:00", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_Change_StampsExpectedDates(
        bool granted, string? grantedOn, string? withdrawnOn,
        bool? change, string? enteredGrant, string? enteredWithdrawal,
        bool expectedGranted, string? expectedGrantedOn, string? expectedWithdrawnOn)
    {
        var result = ConsentRules.Apply(
            ConsentPurpose.Marketing,
            new ConsentRecord(granted, Opt(grantedOn), Opt(withdrawnOn)),
            new ConsentChange(change, Opt(enteredGrant), Opt(enteredWithdrawal)),
            Now);

        Assert.Equal(new ConsentRecord(expectedGranted, Opt(expectedGrantedOn), Opt(expectedWithdrawnOn)), result);
    }

    [Fact]
    public void Apply_WithdrawalBeforeGrant_Refused()
    {
        var current = new ConsentRecord(true, At("2026-03-01T09:00:00+08:00"), null);

        var error = Assert.Throws<DomainException>(() => ConsentRules.Apply(
            ConsentPurpose.SensitiveData, current, new ConsentChange(false, null, At("2026-02-01T09:00:00+08:00")), Now));

        Assert.Equal("consent.withdrawn-before-granted", error.Code);
        Assert.Contains("敏感个人信息", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_FutureDate_Refused()
    {
        var error = Assert.Throws<DomainException>(() => ConsentRules.Apply(
            ConsentPurpose.Marketing, ConsentRecord.None, new ConsentChange(true, Now.AddMinutes(1), null), Now));

        Assert.Equal("consent.date-in-future", error.Code);
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static DateTimeOffset? Opt(string? iso) => iso is null ? null : At(iso);
}
