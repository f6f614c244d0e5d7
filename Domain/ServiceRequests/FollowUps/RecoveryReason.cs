namespace PropertyCrm.Domain.ServiceRequests.FollowUps;

/// <summary>Why a 挽回 recovery case was opened.</summary>
public enum RecoveryReason
{
    /// <summary>NPS 0–6 (贬损者).</summary>
    Detractor = 0,

    /// <summary>Satisfaction 1–2 (非常不满意 / 不满意).</summary>
    LowSatisfaction = 1,

    /// <summary>The 回访 found the request not fixed for the second time (两次未解决).</summary>
    NotFixedTwice = 2,
}
