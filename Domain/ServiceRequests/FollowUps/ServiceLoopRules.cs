using System;

namespace PropertyCrm.Domain.ServiceRequests.FollowUps;

/// <summary>The latest 回访 of a request, as the close rule needs it.</summary>
public sealed record LastFollowUp(FollowUpStatus Status, FixVerification? Verification);

/// <summary>
/// The request side of the closed loop (闭环): first-contact resolution, first-time fix, and the close rule.
/// </summary>
public static class ServiceLoopRules
{
    /// <summary>首次接触解决: resolved straight from 已受理 by the agent who took the request (its first-contact owner).</summary>
    public static bool IsFirstContactResolution(RequestStatus from, Guid resolver, Guid? firstContactOwner) =>
        from == RequestStatus.Accepted && firstContactOwner == resolver;

    /// <summary>一次解决: closed without ever being reopened.</summary>
    public static bool IsFirstTimeFix(int reopenCount) => reopenCount == 0;

    /// <summary>
    /// A request closes only after its latest 回访 verified it fixed, or declared the owner unreachable. A request with no
    /// 回访 at all (resolved before the 回访 table existed) keeps the older rule: the follow-up time must be recorded
    /// (<see cref="ServiceRequestState.MoveTo"/>).
    /// </summary>
    /// <exception cref="DomainException"><see cref="FollowUpErrorCodes.CloseWithoutFollowUp"/>.</exception>
    public static void EnsureCanClose(LastFollowUp? last)
    {
        if (last is null
            || (last.Status == FollowUpStatus.Completed && last.Verification == FixVerification.Fixed)
            || last.Status == FollowUpStatus.Unreachable)
        {
            return;
        }

        throw new DomainException(
            FollowUpErrorCodes.CloseWithoutFollowUp,
            "报事须在回访核实已解决或确认无法联系后才能关闭 / A service request closes only after its follow-up verified it fixed, or declared the owner unreachable.");
    }

    /// <summary>A recovery case closes only with an outcome (已挽回 / 未挽回).</summary>
    /// <exception cref="DomainException"><see cref="FollowUpErrorCodes.OutcomeRequired"/>.</exception>
    public static void EnsureRecoveryCanClose(bool hasOutcome)
    {
        if (!hasOutcome)
        {
            throw new DomainException(
                FollowUpErrorCodes.OutcomeRequired,
                "关闭挽回前须填写挽回结果(已挽回/未挽回) / Set the outcome (recovered / not recovered) before closing the recovery case.");
        }
    }
}
