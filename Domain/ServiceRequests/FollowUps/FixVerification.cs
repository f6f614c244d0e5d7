namespace PropertyCrm.Domain.ServiceRequests.FollowUps;

/// <summary>问题是否真正解决: the first question of every 回访.</summary>
public enum FixVerification
{
    /// <summary>已解决.</summary>
    Fixed = 0,

    /// <summary>未解决: the request is reopened (返工).</summary>
    NotFixed = 1,

    /// <summary>部分解决: treated as not fixed: the request is reopened.</summary>
    PartlyFixed = 2,
}
