namespace PropertyCrm.Domain.Collection;

/// <summary>The rungs of the 催缴 ladder for one unpaid bill, in the order they are climbed.</summary>
public enum CollectionRung
{
    /// <summary>催缴提醒: a service notice to the owner (SMS / WeChat), sent by a flow from a 业主消息 row.</summary>
    Reminder = 1,

    /// <summary>催缴电话: the butler calls the owner (a Task).</summary>
    ButlerCall = 2,

    /// <summary>催缴上门: the butler visits the owner (a Task); the owner's churn-risk flag goes up the same day.</summary>
    Visit = 3,
}
