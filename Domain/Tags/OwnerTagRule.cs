namespace PropertyCrm.Domain.Tags;

/// <summary>
/// The 12 rule tags of the owner 360° profile (业主 360° 画像, issue 13). Each has a stable code (<see cref="OwnerTagCatalog"/>)
/// stored on its <c>pcrm_tag</c> row; the enum values are not persisted.
/// </summary>
public enum OwnerTagRule
{
    /// <summary>新入住: in the new move-in lifecycle stage.</summary>
    NewMoveIn,

    /// <summary>老人家庭: the owner or someone living with them is 60 or older.</summary>
    ElderlyHousehold,

    /// <summary>有婴幼儿: a child of 0–3 lives in the home.</summary>
    Infant,

    /// <summary>租户: lives in a unit as a tenant.</summary>
    Tenant,

    /// <summary>高价值: pays on time and takes part in community events.</summary>
    HighValue,

    /// <summary>投诉敏感: complained repeatedly in the recent window.</summary>
    ComplaintSensitive,

    /// <summary>欠费: has an overdue unpaid bill.</summary>
    InArrears,

    /// <summary>活跃参与者: checked in at several community events.</summary>
    ActiveParticipant,

    /// <summary>沉睡: no request, event or suggestion for half a year.</summary>
    Dormant,

    /// <summary>流失风险: the lifecycle review's churn-risk flag is up.</summary>
    ChurnRisk,

    /// <summary>钻石会员: the Diamond tier.</summary>
    Diamond,

    /// <summary>意见领袖: several of their suggestions were adopted.</summary>
    OpinionLeader,
}
