namespace PropertyCrm.Domain.ServiceRequests.FollowUps;

/// <summary>
/// A finished 回访 (answered or declared unreachable) and what follows from it: the request closes or reopens, a
/// detractor opens one recovery case, a survey answer earns the survey points once.
/// </summary>
public sealed record FollowUpCompletion(FollowUpRecord Record, RequestAction RequestAction, RecoveryReason? Recovery, bool AwardSurveyPoints);
