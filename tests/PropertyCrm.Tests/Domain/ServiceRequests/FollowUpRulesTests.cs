using System;
using PropertyCrm.Domain;
using PropertyCrm.Domain.ServiceRequests;
using PropertyCrm.Domain.ServiceRequests.FollowUps;

namespace PropertyCrm.Tests.Domain.ServiceRequests;

/// <summary>The 回访 rules, clock-free: completion, detractors, attempts and unreachable, assignment, the close rule.</summary>
public sealed class FollowUpRulesTests
{
    private static readonly DateTimeOffset Now = Iso.At("2026-03-02T10:00+08:00");
    private static readonly Guid Resolver = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Caller = new("00000000-0000-0000-0000-00000000000b");

    /// <summary>Verification, satisfaction, NPS, reopened before → request action, recovery reason (null: none), survey points.</summary>
    public static TheoryData<FixVerification, int?, int?, int, RequestAction, RecoveryReason?, bool> Completions => new()
    {
        { FixVerification.Fixed, 5, 9, 0, RequestAction.Close, null, true },
        { FixVerification.Fixed, null, null, 0, RequestAction.Close, null, false },
        { FixVerification.Fixed, 3, 7, 0, RequestAction.Close, null, true },
        { FixVerification.Fixed, 3, 6, 0, RequestAction.Close, RecoveryReason.Detractor, true },
        { FixVerification.Fixed, 2, 10, 0, RequestAction.Close, RecoveryReason.LowSatisfaction, true },
        { FixVerification.Fixed, 1, 0, 0, RequestAction.Close, RecoveryReason.LowSatisfaction, true },
        { FixVerification.NotFixed, 4, 8, 0, RequestAction.Reopen, null, true },
        { FixVerification.PartlyFixed, 4, 8, 0, RequestAction.Reopen, null, true },
        { FixVerification.NotFixed, 4, 8, 1, RequestAction.Reopen, RecoveryReason.NotFixedTwice, true },
        { FixVerification.PartlyFixed, 1, 0, 2, RequestAction.Reopen, RecoveryReason.NotFixedTwice, true },
        { FixVerification.Fixed, 5, 9, 3, RequestAction.Close, null, true },
    };

    [Theory]
    [MemberData(nameof(Completions))]
    public void Complete_Answers_ActionRecoveryAndPoints(FixVerification verification, int? satisfaction, int? nps, int reopened, RequestAction action, RecoveryReason? recovery, bool points)
    {
        var record = Pending() with { Answers = new FollowUpAnswers { Verification = verification, Satisfaction = satisfaction, Nps = nps } };

        var completion = FollowUpRules.Complete(record, Caller, reopened, Now);

        Assert.Equal(action, completion.RequestAction);
        Assert.Equal(recovery, completion.Recovery);
        Assert.Equal(points, completion.AwardSurveyPoints);
        Assert.Equal(recovery is not null, completion.Record.IsDetractor);
        Assert.Equal(FollowUpStatus.Completed, completion.Record.Status);
        Assert.Equal(Now, completion.Record.CompletedOn);
    }

    [Theory]
    [InlineData(null, "followup.complete.verification-required")]
    [InlineData(FixVerification.Fixed, "followup.record.resolver")]
    public void Complete_NoVerificationOrByTheResolver_Refused(FixVerification? verification, string code)
    {
        var record = Pending() with { Answers = new FollowUpAnswers { Verification = verification } };
        var recorder = verification is null ? Caller : Resolver;

        var refused = Assert.Throws<DomainException>(() => FollowUpRules.Complete(record, recorder, 0, Now));

        Assert.Equal(code, refused.Code);
    }

    [Theory]
    [InlineData(11, null, "NPS")]
    [InlineData(-1, null, "NPS")]
    [InlineData(null, 6, "满意度")]
    [InlineData(null, 0, "Satisfaction")]
    public void Answer_ScoreOutOfRange_RefusedNamingIt(int? nps, int? satisfaction, string named)
    {
        var refused = Assert.Throws<DomainException>(() => FollowUpRules.Answer(Pending(), new FollowUpAnswers { Nps = nps, Satisfaction = satisfaction }));

        Assert.Equal(FollowUpErrorCodes.AnswerOutOfRange, refused.Code);
        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FollowUpStatus.Completed)]
    [InlineData(FollowUpStatus.Unreachable)]
    public void Finished_AnyChange_Refused(FollowUpStatus status)
    {
        var record = Pending() with { Status = status };

        Assert.Equal(FollowUpErrorCodes.NotPending, Assert.Throws<DomainException>(() => FollowUpRules.RecordAttempt(record, Now)).Code);
        Assert.Equal(FollowUpErrorCodes.Reopened, Assert.Throws<DomainException>(() => FollowUpRules.EnsureNotReopened(status, FollowUpStatus.Pending)).Code);
    }

    /// <summary>Hours after the first attempt of each further attempt → may the owner be declared unreachable.</summary>
    [Theory]
    [InlineData(new double[] { 24, 48 }, true)]
    [InlineData(new double[] { 24, 47.9 }, false)]
    [InlineData(new double[] { 60 }, false)]
    [InlineData(new double[] { 1, 2, 48 }, true)]
    public void DeclareUnreachable_ThreeAttemptsOver48Hours(double[] laterAttempts, bool allowed)
    {
        var record = FollowUpRules.RecordAttempt(Pending(), Now);
        foreach (var hours in laterAttempts)
        {
            record = FollowUpRules.RecordAttempt(record, Now.AddHours(hours));
        }

        if (allowed)
        {
            var completion = FollowUpRules.DeclareUnreachable(record, Caller, Now.AddHours(50));
            Assert.Equal(FollowUpStatus.Unreachable, completion.Record.Status);
            Assert.Equal(RequestAction.Close, completion.RequestAction);
            Assert.False(completion.AwardSurveyPoints);
        }
        else
        {
            var refused = Assert.Throws<DomainException>(() => FollowUpRules.DeclareUnreachable(record, Caller, Now.AddHours(50)));
            Assert.Equal(FollowUpErrorCodes.UnreachableTooEarly, refused.Code);
            Assert.Contains("48", refused.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    public void SetAttempts_UnchangedOrOneMore_Accepted(int typed, int expected)
    {
        Assert.Equal(expected, FollowUpRules.SetAttempts(Pending(), typed, Now).Attempts);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public void SetAttempts_JumpOrDecrease_Refused(int typed)
    {
        Assert.Equal(FollowUpErrorCodes.AttemptsChanged, Assert.Throws<DomainException>(() => FollowUpRules.SetAttempts(Pending(), typed, Now)).Code);
    }

    [Fact]
    public void DueOn_DefaultAndPropertyHours()
    {
        Assert.Equal(Now.AddHours(24), FollowUpPolicy.DueOn(Now, null));
        Assert.Equal(Now.AddHours(12), FollowUpPolicy.DueOn(Now, 12));
        Assert.Equal(Now.AddHours(24), FollowUpPolicy.RecoveryDueOn(Now));
        Assert.Throws<DomainException>(() => FollowUpPolicy.DueOn(Now, 0));
        Assert.Throws<DomainException>(() => FollowUpPolicy.DueOn(Now, 169));
    }

    /// <summary>Who is named (team, supervisor, manager, request owner is a team, first-contact owner) → the owner's source.</summary>
    [Theory]
    [InlineData(true, "other", "other", false, "other", FollowUpOwnerSource.ServiceTeam, false)]
    [InlineData(false, "other", "other", false, "other", FollowUpOwnerSource.Supervisor, false)]
    [InlineData(false, "resolver", "other", false, "other", FollowUpOwnerSource.PropertyManager, false)]
    [InlineData(false, "resolver", "resolver", true, "other", FollowUpOwnerSource.RequestTeam, false)]
    [InlineData(false, null, null, false, "other", FollowUpOwnerSource.FirstContactOwner, false)]
    [InlineData(false, null, null, false, "resolver", FollowUpOwnerSource.RequestOwner, true)]
    public void Choose_NeverTheResolverWhileSomeoneElseIsNamed(bool team, string? supervisor, string? manager, bool requestTeam, string firstContact, FollowUpOwnerSource source, bool ownedByResolver)
    {
        Guid? Who(string? name) => name switch { null => null, "resolver" => Resolver, _ => Guid.NewGuid() };

        var assignee = FollowUpAssignment.Choose(
            team ? Guid.NewGuid() : null, Who(supervisor), Who(manager), new Principal(requestTeam ? Guid.NewGuid() : Resolver, requestTeam), Who(firstContact), Resolver);

        Assert.Equal(source, assignee.Source);
        Assert.Equal(ownedByResolver, assignee.OwnedByResolver);
        Assert.Equal(ownedByResolver, assignee.Owner.Id == Resolver);
    }

    [Fact]
    public void EnsureCanClose_OnlyAfterVerifiedFixOrUnreachable()
    {
        ServiceLoopRules.EnsureCanClose(null);
        ServiceLoopRules.EnsureCanClose(new LastFollowUp(FollowUpStatus.Completed, FixVerification.Fixed));
        ServiceLoopRules.EnsureCanClose(new LastFollowUp(FollowUpStatus.Unreachable, null));
        foreach (var refused in new[]
        {
            new LastFollowUp(FollowUpStatus.Pending, FixVerification.Fixed),
            new LastFollowUp(FollowUpStatus.Completed, FixVerification.NotFixed),
            new LastFollowUp(FollowUpStatus.Completed, FixVerification.PartlyFixed),
        })
        {
            Assert.Equal(FollowUpErrorCodes.CloseWithoutFollowUp, Assert.Throws<DomainException>(() => ServiceLoopRules.EnsureCanClose(refused)).Code);
        }
    }

    [Theory]
    [InlineData(RequestStatus.Accepted, true, true)]
    [InlineData(RequestStatus.Accepted, false, false)]
    [InlineData(RequestStatus.InProgress, true, false)]
    public void FirstContactResolution_FromAcceptedByItsFirstContactOwner(RequestStatus from, bool sameAgent, bool expected)
    {
        Assert.Equal(expected, ServiceLoopRules.IsFirstContactResolution(from, Resolver, sameAgent ? Resolver : Caller));
    }

    private static FollowUpRecord Pending() => new() { ResolvedBy = Resolver };
}
