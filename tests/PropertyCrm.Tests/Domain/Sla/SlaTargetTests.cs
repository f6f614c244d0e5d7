using System;
using PropertyCrm.Domain;
using PropertyCrm.Domain.Sla;

namespace PropertyCrm.Tests.Domain.Sla;

public sealed class SlaTargetTests
{
    [Theory]
    [InlineData(30, 75, "00:22:30")]
    [InlineData(120, 75, "01:30:00")]
    [InlineData(1620, 75, "20:15:00")]
    [InlineData(1, 33, "00:00:19.8000000")]
    [InlineData(30, 1, "00:00:18")]
    public void WarningAfter_Percent_IsExactShareOfTarget(int minutes, int percent, string expected)
    {
        var target = new SlaTarget(SlaKpi.FirstResponse, TimeSpan.FromMinutes(minutes), "24x7", percent);

        Assert.Equal(TimeSpan.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), target.WarningAfter);
    }

    [Theory]
    [InlineData(0, 75, "24x7")]
    [InlineData(-30, 75, "24x7")]
    [InlineData(30, 0, "24x7")]
    [InlineData(30, 100, "24x7")]
    [InlineData(30, 75, " ")]
    public void Constructor_InvalidValues_ThrowsInvalidTarget(int minutes, int percent, string calendar)
    {
        var ex = Assert.Throws<DomainException>(() => new SlaTarget(SlaKpi.Resolution, TimeSpan.FromMinutes(minutes), calendar, percent));

        Assert.Equal(SlaErrorCodes.InvalidTarget, ex.Code);
    }

    [Fact]
    public void Constructor_FractionalMinutes_ThrowsInvalidTarget()
    {
        var ex = Assert.Throws<DomainException>(() => new SlaTarget(SlaKpi.Resolution, TimeSpan.FromSeconds(90), "24x7"));

        Assert.Equal(SlaErrorCodes.InvalidTarget, ex.Code);
    }

    [Fact]
    public void Ladder_Default_IsHalfAndWholeTargetAfterBreach()
    {
        var target = new SlaTarget(SlaKpi.FirstResponse, TimeSpan.FromMinutes(30), "24x7");

        Assert.Equal(TimeSpan.FromMinutes(15), target.Ladder.Level2AfterBreach);
        Assert.Equal(TimeSpan.FromMinutes(30), target.Ladder.Level3AfterBreach);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 10)]
    [InlineData(10, 5)]
    public void EscalationLadder_NotIncreasing_ThrowsInvalidLadder(int level2Minutes, int level3Minutes)
    {
        var ex = Assert.Throws<DomainException>(() => new EscalationLadder(TimeSpan.FromMinutes(level2Minutes), TimeSpan.FromMinutes(level3Minutes)));

        Assert.Equal(SlaErrorCodes.InvalidLadder, ex.Code);
    }
}
