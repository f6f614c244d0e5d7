using System;

namespace PropertyCrm.Domain.ServiceRequests.FollowUps;

/// <summary>What the rules need to know about one 回访: its status, the answers, the failed attempts and who resolved the request.</summary>
public sealed record FollowUpRecord
{
    public FollowUpStatus Status { get; init; }

    public FollowUpAnswers Answers { get; init; } = new();

    /// <summary>Failed attempts to reach the owner.</summary>
    public int Attempts { get; init; }

    public DateTimeOffset? FirstAttemptOn { get; init; }

    public DateTimeOffset? LastAttemptOn { get; init; }

    public DateTimeOffset? CompletedOn { get; init; }

    /// <summary>Who resolved the request: the one person who may not record this 回访.</summary>
    public Guid? ResolvedBy { get; init; }

    public bool IsDetractor { get; init; }
}
