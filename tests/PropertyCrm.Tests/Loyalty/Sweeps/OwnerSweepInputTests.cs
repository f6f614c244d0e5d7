using System;
using Microsoft.Xrm.Sdk;
using PropertyCrm.Plugins.Logic.LoyaltySweeps;
using PropertyCrm.Plugins.Logic.Sweep;
using PropertyCrm.Tests.Domain;

namespace PropertyCrm.Tests.Loyalty.Sweeps;

/// <summary>
/// The input checks the sweep APIs and their workflow activities share. Page sizes and prefix are the points expiry
/// sweep's (default 200, at most 5,000, tokens "x1:…"); now is 2025-01-06 00:00 UTC.
/// </summary>
public sealed class OwnerSweepInputTests
{
    private const string Now = "2025-01-06T00:00:00Z";
    private const string Prefix = PointsExpirySweep.TokenPrefix;
    private const int DefaultPageSize = PointsExpirySweep.DefaultPageSize;
    private const int MaxPageSize = PointsExpirySweep.MaxPageSize;
    private const string OwnerId = "0f8fad5bd9cb469fa16570867728950e";

    [Theory]
    [InlineData(null, null, null, null, Now, DefaultPageSize, StopwatchSweepBudget.DefaultSeconds, null)]
    [InlineData(Now, null, null, null, Now, DefaultPageSize, StopwatchSweepBudget.DefaultSeconds, null)]
    [InlineData("2024-12-31T12:00:00Z", null, null, null, "2024-12-31T12:00:00Z", DefaultPageSize, StopwatchSweepBudget.DefaultSeconds, null)]
    [InlineData(null, 1, null, null, Now, 1, StopwatchSweepBudget.DefaultSeconds, null)]
    [InlineData(null, MaxPageSize, null, null, Now, MaxPageSize, StopwatchSweepBudget.DefaultSeconds, null)]
    [InlineData(null, MaxPageSize + 1, null, null, Now, MaxPageSize, StopwatchSweepBudget.DefaultSeconds, null)]
    [InlineData(null, null, 0, null, Now, DefaultPageSize, 0, null)]
    [InlineData(null, null, 500, null, Now, DefaultPageSize, 500, null)]
    [InlineData(null, null, null, "", Now, DefaultPageSize, StopwatchSweepBudget.DefaultSeconds, null)]
    [InlineData(null, null, null, "   ", Now, DefaultPageSize, StopwatchSweepBudget.DefaultSeconds, null)]
    [InlineData(null, null, null, "x1:" + OwnerId, Now, DefaultPageSize, StopwatchSweepBudget.DefaultSeconds, OwnerId)]
    [InlineData(null, null, null, " x1:" + OwnerId + " ", Now, DefaultPageSize, StopwatchSweepBudget.DefaultSeconds, OwnerId)]
    public void Check_AcceptedInput_DefaultsAndCapsApplied(
        string? asOf,
        int? pageSize,
        int? budgetSeconds,
        string? token,
        string expectedAsOf,
        int expectedPageSize,
        int expectedBudget,
        string? expectedOwnerId)
    {
        var input = Check(asOf, pageSize, budgetSeconds, token);

        Assert.Equal(Iso.At(expectedAsOf), input.AsOf);
        Assert.Equal(TimeSpan.Zero, input.AsOf.Offset);
        Assert.Equal(expectedPageSize, input.PageSize);
        Assert.Equal(expectedBudget, input.BudgetSeconds);
        Assert.Equal(expectedOwnerId, input.Token?.LastOwnerId.ToString("N"));
    }

    [Theory]
    [InlineData(DateTimeKind.Utc)]
    [InlineData(DateTimeKind.Unspecified)]
    [InlineData(DateTimeKind.Local)]
    public void Check_AnyDateTimeKind_ReadAsUtc(DateTimeKind kind)
    {
        var now = DateTime.SpecifyKind(new DateTime(2025, 1, 6, 0, 0, 0), kind);
        var asOf = DateTime.SpecifyKind(new DateTime(2025, 1, 5, 8, 30, 0), kind);

        var input = OwnerSweepInput.Check(now, asOf, null, null, null, Prefix, DefaultPageSize, MaxPageSize);

        Assert.Equal(Iso.At("2025-01-05T08:30:00Z"), input.AsOf);
    }

    [Theory]
    [InlineData("2025-01-06T00:00:01Z", null, null, null, "截至时间不能晚于现在:2025-01-06T00:00:01.0000000+00:00 / As of cannot be later than now: 2025-01-06T00:00:01.0000000+00:00.")]
    [InlineData(null, null, -1, null, "时间预算不能为负数:-1 / The time budget cannot be negative: -1.")]
    [InlineData(null, 0, null, null, "每页记录数须为 1 到 5000:0 / Page size must be 1 to 5000: 0.")]
    [InlineData(null, -5, null, null, "每页记录数须为 1 到 5000:-5 / Page size must be 1 to 5000: -5.")]
    [InlineData(null, null, null, "t1:" + OwnerId, "续扫令牌无效:'t1:" + OwnerId + "' / Invalid continuation token 't1:" + OwnerId + "'.")]
    [InlineData(null, null, null, "x2:" + OwnerId, "续扫令牌无效:'x2:" + OwnerId + "' / Invalid continuation token 'x2:" + OwnerId + "'.")]
    [InlineData(null, null, null, "x1:not-a-guid", "续扫令牌无效:'x1:not-a-guid' / Invalid continuation token 'x1:not-a-guid'.")]
    [InlineData(null, null, null, "v1:123:abc", "续扫令牌无效:'v1:123:abc' / Invalid continuation token 'v1:123:abc'.")]
    [InlineData("2025-01-07T00:00:00Z", 0, -1, "bad", "截至时间不能晚于现在:2025-01-07T00:00:00.0000000+00:00 / As of cannot be later than now: 2025-01-07T00:00:00.0000000+00:00.")]
    [InlineData(null, 0, -1, "bad", "时间预算不能为负数:-1 / The time budget cannot be negative: -1.")]
    [InlineData(null, 0, null, "bad", "每页记录数须为 1 到 5000:0 / Page size must be 1 to 5000: 0.")]
    public void Check_RefusedInput_FirstProblemRefusedBilingually(string? asOf, int? pageSize, int? budgetSeconds, string? token, string expected)
    {
        var refusal = Assert.Throws<InvalidPluginExecutionException>(() => Check(asOf, pageSize, budgetSeconds, token));

        Assert.Equal(expected, refusal.Message);
    }

    private static OwnerSweepInput Check(string? asOf, int? pageSize, int? budgetSeconds, string? token) =>
        OwnerSweepInput.Check(
            Iso.At(Now).UtcDateTime,
            asOf is null ? null : Iso.At(asOf).UtcDateTime,
            pageSize,
            budgetSeconds,
            token,
            Prefix,
            DefaultPageSize,
            MaxPageSize);
}
