namespace PropertyCrm.Domain.Tags;

/// <summary>The profile dimension of a tag (标签类别). Persisted as a choice: never renumber.</summary>
public enum OwnerTagClass
{
    /// <summary>生命周期.</summary>
    Lifecycle = 0,

    /// <summary>家庭结构.</summary>
    Household = 1,

    /// <summary>客户价值.</summary>
    Value = 2,

    /// <summary>服务体验.</summary>
    Service = 3,

    /// <summary>缴费.</summary>
    Payment = 4,

    /// <summary>社区参与.</summary>
    Engagement = 5,

    /// <summary>其他 (hand tags).</summary>
    Other = 6,
}
