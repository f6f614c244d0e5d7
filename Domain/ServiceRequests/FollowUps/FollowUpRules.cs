using System;

namespace PropertyCrm.Domain.ServiceRequests.FollowUps;

/// <summary>
/// The 回访 rules: recording answers, failed attempts, completing and declaring the owner unreachable. Clock-free: every
/// change takes <c>now</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A pending 回访 takes answers and attempts; a finished one (已完成, 无法联系) is final and changes nothing.</item>
/// <item>Whoever resolved the request may not record or finish its 回访: the check must come from someone else.</item>
/// <item>Completing needs the verification (问题是否真正解决); satisfaction, NPS and SERVQUAL are optional but range-checked.</item>
/// <item>Attempts go up one at a time; the first and last attempt times are stamped from <c>now</c>.</item>
/// <item>Unreachable needs <see cref="FollowUpPolicy.UnreachableAttempts"/> failed attempts whose first and last are at least
/// <see cref="FollowUpPolicy.UnreachableSpan"/> apart.</item>
/// <item>A detractor is NPS 0–6, satisfaction 1–2, or a second "not fixed" on the same request (the request was reopened
/// before); it opens a recovery case for the reason in that order of weight: not fixed twice, low satisfaction, NPS.</item>
/// </list>
/// </remarks>
public static class FollowUpRules
{
    /// <summary>Refuses any change to a finished 回访.</summary>
    /// <exception cref="DomainException"><see cref="FollowUpErrorCodes.NotPending"/>.</exception>
    public static void EnsurePending(FollowUpRecord record)
    {
        Guard.NotNull(record, nameof(record));
        if (record.Status != FollowUpStatus.Pending)
        {
            throw new DomainException(
                FollowUpErrorCodes.NotPending,
                "该回访已结束(已完成或无法联系),不能再修改 / This follow-up is finished (completed or unreachable) and cannot be changed.");
        }
    }

    /// <summary>Records new answers on a pending 回访.</summary>
    public static FollowUpRecord Answer(FollowUpRecord record, FollowUpAnswers answers)
    {
        EnsurePending(record);
        return record with { Answers = Guard.NotNull(answers, nameof(answers)).Validate() };
    }

    /// <summary>One more failed attempt at <paramref name="now"/>.</summary>
    public static FollowUpRecord RecordAttempt(FollowUpRecord record, DateTimeOffset now)
    {
        EnsurePending(record);
        return record with { Attempts = record.Attempts + 1, FirstAttemptOn = record.FirstAttemptOn ?? now, LastAttemptOn = now };
    }

    /// <summary>
    /// An attempts count typed on the form: unchanged, or exactly one more (a failed attempt at <paramref name="now"/>).
    /// </summary>
    /// <exception cref="DomainException"><see cref="FollowUpErrorCodes.AttemptsChanged"/> for any other change.</exception>
    public static FollowUpRecord SetAttempts(FollowUpRecord record, int attempts, DateTimeOffset now)
    {
        Guard.NotNull(record, nameof(record));
        if (attempts == record.Attempts)
        {
            return record;
        }

        if (attempts != record.Attempts + 1)
        {
            throw new DomainException(
                FollowUpErrorCodes.AttemptsChanged,
                $"联系次数每次只能加 1(当前 {record.Attempts},不能改为 {attempts}) / Attempts go up one failed attempt at a time (is {record.Attempts}, cannot become {attempts}).");
        }

        return RecordAttempt(record, now);
    }

    /// <summary>Finishes the 回访 with the owner's answers, recorded by <paramref name="recorder"/>.</summary>
    /// <param name="reopenedBefore">How often the request was reopened before this 回访: a second "not fixed" is a detractor.</param>
    /// <exception cref="DomainException">
    /// <see cref="FollowUpErrorCodes.NotPending"/>, <see cref="FollowUpErrorCodes.ResolverMayNotRecord"/>,
    /// <see cref="FollowUpErrorCodes.VerificationRequired"/>, <see cref="FollowUpErrorCodes.AnswerOutOfRange"/>.
    /// </exception>
    public static FollowUpCompletion Complete(FollowUpRecord record, Guid recorder, int reopenedBefore, DateTimeOffset now)
    {
        EnsurePending(record);
        EnsureNotResolver(record, recorder);
        var answers = record.Answers.Validate();
        if (answers.Verification is null)
        {
            throw new DomainException(
                FollowUpErrorCodes.VerificationRequired,
                "完成回访前须先核实问题是否真正解决(已解决/未解决/部分解决) / Record whether the problem is really fixed (fixed / not fixed / partly) before completing the follow-up.");
        }

        var completed = record with { Answers = answers, Status = FollowUpStatus.Completed, CompletedOn = now };
        var consequences = Consequences(completed, reopenedBefore);
        return consequences with { Record = completed with { IsDetractor = consequences.Recovery is not null } };
    }

    /// <summary>
    /// What a finished 回访 means for its request: close (fixed, or unreachable) or reopen (not or partly fixed); the
    /// recovery reason of a detractor; whether a survey answer earns points. For the post-operation step, which sees the
    /// saved 回访 and the request as they were.
    /// </summary>
    /// <param name="reopenedBefore">How often the request was reopened before this 回访.</param>
    public static FollowUpCompletion Consequences(FollowUpRecord finished, int reopenedBefore)
    {
        Guard.NotNull(finished, nameof(finished));
        if (finished.Status == FollowUpStatus.Unreachable)
        {
            return new FollowUpCompletion(finished, RequestAction.Close, null, false);
        }

        var answers = finished.Answers;
        var fixedNow = answers.Verification == FixVerification.Fixed;
        var recovery = !fixedNow && reopenedBefore >= 1 ? RecoveryReason.NotFixedTwice
            : answers.Satisfaction <= FollowUpPolicy.LowSatisfactionAtMost ? RecoveryReason.LowSatisfaction
            : answers.Nps <= FollowUpPolicy.DetractorNpsAtMost ? RecoveryReason.Detractor
            : (RecoveryReason?)null;
        return new FollowUpCompletion(finished, fixedNow ? RequestAction.Close : RequestAction.Reopen, recovery, answers.HasSurveyAnswer);
    }

    /// <summary>Declares the owner unreachable (无法联系): documented, so the request may close.</summary>
    /// <exception cref="DomainException">
    /// <see cref="FollowUpErrorCodes.NotPending"/>, <see cref="FollowUpErrorCodes.ResolverMayNotRecord"/>,
    /// <see cref="FollowUpErrorCodes.UnreachableTooEarly"/>.
    /// </exception>
    public static FollowUpCompletion DeclareUnreachable(FollowUpRecord record, Guid recorder, DateTimeOffset now)
    {
        EnsurePending(record);
        EnsureNotResolver(record, recorder);
        var span = record.FirstAttemptOn is { } first && record.LastAttemptOn is { } last ? last - first : TimeSpan.Zero;
        if (record.Attempts < FollowUpPolicy.UnreachableAttempts || span < FollowUpPolicy.UnreachableSpan)
        {
            throw new DomainException(
                FollowUpErrorCodes.UnreachableTooEarly,
                $"须至少 {FollowUpPolicy.UnreachableAttempts} 次未联系上且首末两次相隔不少于 {FollowUpPolicy.UnreachableSpan.TotalHours:0} 小时,才能确认无法联系(当前 {record.Attempts} 次,相隔 {span.TotalHours:0.#} 小时) / "
                + $"An owner may be declared unreachable only after {FollowUpPolicy.UnreachableAttempts} failed attempts spanning at least {FollowUpPolicy.UnreachableSpan.TotalHours:0} hours (now {record.Attempts} attempts over {span.TotalHours:0.#} hours).");
        }

        return new FollowUpCompletion(record with { Status = FollowUpStatus.Unreachable, CompletedOn = now }, RequestAction.Close, null, false);
    }

    /// <summary>Refuses putting a finished 回访 back to pending: a new resolution makes a new 回访.</summary>
    /// <exception cref="DomainException"><see cref="FollowUpErrorCodes.Reopened"/>.</exception>
    public static void EnsureNotReopened(FollowUpStatus from, FollowUpStatus to)
    {
        if (from != FollowUpStatus.Pending && to != from)
        {
            throw new DomainException(
                FollowUpErrorCodes.Reopened,
                "已结束的回访不能重新打开;报事再次解决时会生成新的回访 / A finished follow-up cannot be reopened; resolving the request again creates a new one.");
        }
    }

    private static void EnsureNotResolver(FollowUpRecord record, Guid recorder)
    {
        if (record.ResolvedBy is { } resolver && resolver == recorder)
        {
            throw new DomainException(
                FollowUpErrorCodes.ResolverMayNotRecord,
                "解决该报事的人不能为其回访,请由客服团队或主管完成 / Whoever resolved the request may not record its follow-up; the service team or the supervisor does.");
        }
    }
}
