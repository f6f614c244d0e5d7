using System;
using System.Linq;
using PropertyCrm.Domain.ServiceRequests;
using PropertyCrm.Domain.Sla;
using PropertyCrm.Tests.Domain;

namespace PropertyCrm.Tests.ServiceRequests.Sweep;

/// <summary>RepeatRule: window [created − 30 days, created), same unit and service line, cancelled ones ignored.</summary>
public sealed class RepeatRuleTests
{
    private static readonly Guid Unit = new("11111111-0000-0000-0000-000000000001");
    private static readonly Guid OtherUnit = new("11111111-0000-0000-0000-000000000002");
    private static readonly DateTimeOffset Created = Iso.At("2025-03-31T10:00:00+08:00");

    [Theory]
    [InlineData("2025-03-01T10:00:00+08:00", true)] // exactly 30 days before: the window's first instant
    [InlineData("2025-03-01T09:59:59+08:00", false)]
    [InlineData("2025-03-31T09:59:59+08:00", true)]
    [InlineData("2025-03-31T10:00:00+08:00", false)] // the same instant is not earlier
    [InlineData("2025-04-01T10:00:00+08:00", false)] // later requests never count
    public void Assess_CandidateCreatedAt_InWindowIsHalfOpen(string candidateCreated, bool repeat)
    {
        var assessment = RepeatRule.Assess(Request(), new[] { Candidate(Iso.At(candidateCreated)) });

        Assert.Equal(repeat, assessment.IsRepeat);
        Assert.Equal(repeat ? 1 : 0, assessment.Count);
    }

    [Fact]
    public void Assess_SeveralEarlier_LinksTheMostRecentAndCountsAllButOthers()
    {
        var latest = Candidate(Iso.At("2025-03-30T08:00:00+08:00"));
        var candidates = new[]
        {
            Candidate(Iso.At("2025-03-10T08:00:00+08:00")),
            latest,
            Candidate(Iso.At("2025-03-20T08:00:00+08:00")),
            Candidate(Iso.At("2025-03-30T09:00:00+08:00"), unit: OtherUnit),
            Candidate(Iso.At("2025-03-30T09:00:00+08:00"), line: ServiceLine.Cleaning),
            Candidate(Iso.At("2025-03-30T09:30:00+08:00"), cancelled: true),
        };

        var assessment = RepeatRule.Assess(Request(), candidates);

        Assert.Equal(latest.Id, assessment.RepeatOf);
        Assert.Equal(3, assessment.Count);
        Assert.Equal(assessment.RepeatOf, RepeatRule.Assess(Request(), candidates.Reverse()).RepeatOf);
    }

    [Fact]
    public void Assess_RequestWithoutUnitOrLine_IsNeverARepeat()
    {
        var earlier = new[] { Candidate(Iso.At("2025-03-30T08:00:00+08:00")) };

        Assert.False(RepeatRule.Assess(new RequestForRepeat(Guid.NewGuid(), null, ServiceLine.Maintenance, Created), earlier).IsRepeat);
        Assert.False(RepeatRule.Assess(new RequestForRepeat(Guid.NewGuid(), Unit, null, Created), earlier).IsRepeat);
    }

    [Fact]
    public void Assess_ItselfAmongCandidates_IsIgnored()
    {
        var self = Request();

        Assert.False(RepeatRule.Assess(self, new[] { new RequestForRepeat(self.Id, Unit, ServiceLine.Maintenance, Created.AddHours(-1)) }).IsRepeat);
    }

    [Fact]
    public void Assess_TwoAtTheSameInstant_GreaterIdWinsWhateverTheOrder()
    {
        var at = Iso.At("2025-03-30T08:00:00+08:00");
        var a = new RequestForRepeat(new Guid("00000000-0000-0000-0000-00000000000a"), Unit, ServiceLine.Maintenance, at);
        var b = new RequestForRepeat(new Guid("00000000-0000-0000-0000-00000000000b"), Unit, ServiceLine.Maintenance, at);

        Assert.Equal(b.Id, RepeatRule.Assess(Request(), new[] { a, b }).RepeatOf);
        Assert.Equal(b.Id, RepeatRule.Assess(Request(), new[] { b, a }).RepeatOf);
    }

    private static RequestForRepeat Request() => new(Guid.NewGuid(), Unit, ServiceLine.Maintenance, Created);

    private static RequestForRepeat Candidate(DateTimeOffset created, Guid? unit = null, ServiceLine line = ServiceLine.Maintenance, bool cancelled = false) =>
        new(Guid.NewGuid(), unit ?? Unit, line, created, cancelled);
}
